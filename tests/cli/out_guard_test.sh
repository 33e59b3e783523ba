#!/usr/bin/env bash
# `build --out` never replaces the sources: the content folder, the repository, a folder
# holding .git, or themes/ and keys/ beside the content. Each case once deleted them.
source "$(dirname "$0")/lib.sh"

demo_repo "$work/repo"
repo="$work/repo"
mkdir -p "$repo/themes/default" "$repo/keys"
echo "/* vendor css */" >"$repo/themes/default/extra.css"
echo "public key" >"$repo/keys/acme.pub"
# The trap: an index.html at the top, so the folder "looks like a site".
echo "<p>readme</p>" >"$repo/index.html"
git -C "$repo" add -A
git -C "$repo" -c user.name=V -c user.email=v@example.com -c commit.gpgsign=false commit -qm "theme, keys"
snapshot() { (cd "$repo" && find . -path ./public -prune -o -print | sort && git rev-parse HEAD); }
snapshot >"$work/before"

refused() {  # refused DESCRIPTION MESSAGE-PATTERN --out ARG [run from DIR]
  local what=$1 pattern=$2 out=$3 dir=${4:-$repo}
  (cd "$dir" && "$TRUSTPAGE" build --content "$repo/content" --out "$out") >"$work/out.txt" 2>&1 &&
    code=0 || code=$?
  expect "$what: refused with exit 1" test "$code" -eq 1
  expect "$what: the message says why" grep -q "refusing --out .*$pattern" "$work/out.txt"
  snapshot >"$work/after"
  expect "$what: the repository is untouched" cmp -s "$work/before" "$work/after"
}

refused '--out "$PWD" (the repository root)' "root of the git repository" "$repo"
refused "--out . (the repository root)" "root of the git repository" "."
refused "--out ./ (the same, with a slash)" "root of the git repository" "./"
refused "--out the content folder" "it is the content folder" "$repo/content"
refused "--out inside the content folder" "inside the content folder" "$repo/content/documents"
refused "--out the themes/ folder" "it is the themes/ folder" "$repo/themes"
refused "--out inside themes/" "inside the themes/ folder" "$repo/themes/default"
refused "--out the keys/ folder" "it is the keys/ folder" "$repo/keys"
refused "--out the folder holding the repository" "contains the git repository" "$work"
mkdir -p "$work/nogit" && cp -r "$REPO/content" "$work/nogit/content"
(cd "$work/nogit" && "$TRUSTPAGE" build --worktree --content content --out .) >"$work/out.txt" 2>&1 && code=0 || code=$?
expect "--out . outside git, holding content/: refused" bash -c 'test "$1" -eq 1 && grep -q "contains the content folder" "$2" && test -d "$3/content"' _ "$code" "$work/out.txt" "$work/nogit"
refused "--out inside .git" "inside the repository's .git" "$repo/.git/site"
ln -s "$repo" "$work/link-to-repo"
refused "--out a symlink to the repository" "root of the git repository" "$work/link-to-repo"

# A Pages checkout kept as the output folder: a site with its own .git.
mkdir -p "$work/pages" && echo "<p>old</p>" >"$work/pages/index.html"
git -C "$work/pages" init -q
refused "--out a folder holding .git" "holds a git repository" "$work/pages"
expect "the Pages checkout keeps its .git" test -d "$work/pages/.git"
mkdir -p "$work/nested/sub" && echo "<p>old</p>" >"$work/nested/index.html"
git -C "$work/nested/sub" init -q
refused "--out a folder with a repository further down" "holds a git repository" "$work/nested"

# The ordinary cases still work.
(cd "$repo" && "$TRUSTPAGE" build -q) && code=0 || code=$?
expect "the default public/ inside the repository builds" test "$code" -eq 0 -a -f "$repo/public/index.html"
"$TRUSTPAGE" build -q --content "$repo/content" --out "$work/elsewhere" && code=0 || code=$?
expect "an --out outside the repository builds" test "$code" -eq 0 -a -f "$work/elsewhere/index.html"

finish
