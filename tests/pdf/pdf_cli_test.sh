#!/usr/bin/env bash
# The real trustpage binary publishes each checklist's PDF in the signed bundle, linked from
# the checklist page; poppler-utils and qpdf check the files a customer downloads.
source "$(dirname "$0")/../cli/lib.sh"

demo_repo "$work/repo"
mkdir -p "$work/secret"
"$TRUSTPAGE" keygen --name demo --private "$work/secret/demo.key" --keys "$work/keys" >/dev/null
TZ=Asia/Tokyo "$TRUSTPAGE" build -q --sign --first-release --key "$work/secret/demo.key" \
  --content "$work/repo/content" --out "$work/out" 2>/dev/null

for dir in "$REPO"/content/checklists/*/; do
  id=$(basename "$dir")
  pdf="$work/out/checklists/$id/$id.pdf"
  title=$(sed -n 's/^title: *//p' "$dir/checklist.yaml")
  expect "$id: the PDF is published" test -s "$pdf"
  expect "$id: the checklist page links to it" \
    grep -q "href=\"$id.pdf\"" "$work/out/checklists/$id/index.html"
  expect "$id: qpdf --check finds no problem" bash -c 'qpdf --check "$1" >/dev/null' _ "$pdf"
  info=$(TZ=UTC pdfinfo -isodates "$pdf")
  expect "$id: the title is the checklist's" grep -qF "Title:           $title" <<<"$info"
  expect "$id: the creation date is the commit's" \
    grep -q "CreationDate:    2026-10-01T09:00:00+09" <<<"$info"
  expect "$id: A4 landscape" grep -q "841.89 x 595.28 pts" <<<"$info"
  fonts=$(pdffonts "$pdf" | tail -n +3)
  expect "$id: every font is embedded as a subset" \
    bash -c '! awk "{ if (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\") bad = 1 } END { exit !bad }" <<<"$1"' _ "$fonts"
  text=$(pdftotext "$pdf" - | tr -d ' \n')
  missing=0
  for item in "$dir"/*/*.md; do
    answer=$(sed -n 's/^answer: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$item" | tr -d ' ')
    [[ -z "$answer" ]] && continue
    # pdftotext reads across the table's columns, so check a prefix short enough to sit on
    # one line of the answer cell.
    grep -qF "${answer:0:6}" <<<"$text" || { missing=1; echo "  missing answer of $item"; }
  done
  expect "$id: every item's answer is in the text" test "$missing" -eq 0
  expect "$id: the PDF is listed in the signed SHA256SUMS" \
    grep -q " checklists/$id/$id.pdf\$" "$work/out/SHA256SUMS"
  expect "$id: the PDF shows the publishing key's fingerprint" \
    bash -c 'pdftotext "$1" - | grep -q "SHA256:"' _ "$pdf"
done
expect "sha256sum -c accepts the bundle, the PDFs included" \
  bash -c 'cd "$1" && sha256sum -c --quiet SHA256SUMS' _ "$work/out"

# A second build elsewhere, another zone and locale, gives the same PDF bytes.
git clone -q "$work/repo" "$work/clone"
TZ=America/Los_Angeles LC_ALL=C "$TRUSTPAGE" build -q --sign --first-release --key "$work/secret/demo.key" \
  --content "$work/clone/content" --out "$work/out2" 2>/dev/null
for pdf in "$work"/out2/checklists/*/*.pdf; do
  rel=${pdf#"$work/out2/"}
  expect "$rel: the same bytes from another clone, zone and locale" cmp -s "$pdf" "$work/out/$rel"
done

finish
