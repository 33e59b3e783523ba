#!/usr/bin/env python3
"""Generates two git repositories with the same synthetic history, through `git fast-import`:

  <out>/trustpage  content/ in trustpage's format (site.yaml, one checklist, item files)
  <out>/hugo       the same pages as a Hugo site (hugo.toml, layouts/, content/)

Commit 1 adds every item; each later commit changes the status, answer and/or remarks of 1-3
random items, and every 250th commit also moves one item to another section. Author dates
increase by one hour per commit. Both repositories get the same commits (same messages,
authors, dates) touching the same pages, so each tool reads an equivalent history.

Besides the branch `main` (checked out), each repository has the tags `base` (= main) and
`extra`: one more commit on top of `base` changing one item, for the rebuild measurement
(`git reset --hard extra`, and back with `git reset --hard base`).

The RNG is seeded: the same arguments give byte-identical repositories (same commit ids).
"""
import argparse
import os
import random
import subprocess
import sys
import time

START = 1735689600  # 2025-01-01T00:00:00Z
HOUR = 3600
AUTHORS = [("佐藤 花子", "hanako.sato@example.jp"), ("鈴木 一郎", "ichiro.suzuki@example.jp"),
           ("高橋 美咲", "misaki.takahashi@example.jp"), ("田中 健", "ken.tanaka@example.jp")]
STATUSES = ["yes", "no", "partial", "na"]
ANSWERS = {"yes": "対応", "no": "非対応", "partial": "一部対応", "na": "該当なし"}
TOPICS = ["アクセス権限の定期的な見直し", "保存データの暗号化", "バックアップの取得と復元試験",
          "脆弱性診断の実施", "ログの取得と保管", "委託先の評価", "インシデント発生時の連絡体制",
          "従業員への教育", "多要素認証の提供", "データセンターの物理的な対策"]
SENTENCES = ["社内規程に基づき、担当部門が四半期ごとに実施状況を確認しています。",
             "実施結果は情報セキュリティ委員会に報告し、是正が必要な事項は期限を定めて対応します。",
             "詳細な手順書は秘密保持契約の締結後に開示できます。",
             "第三者による評価を年1回受けており、指摘事項はすべて是正済みです。",
             "対象システムは本番環境および検証環境のすべてです。",
             "記録は5年間保管し、改ざんを防止するため書き込み専用の領域に保存しています。",
             "お客様のご要望に応じて、実施報告書の要約を提供します。",
             "手順は年1回見直し、変更は変更管理手続に従って承認します。"]


def ymd(t):
    return time.strftime("%Y-%m-%d", time.gmtime(t))


class Item:
    def __init__(self, rng, n, section):
        self.n = n
        self.id = "it-%05d" % n
        self.slug = "%05d-item-%05d.md" % (n, n)
        self.section = section
        topic = TOPICS[n % len(TOPICS)]
        self.question = "項目%05d：%sについて、方針と手順を定めて運用しているか。" % (n, topic)
        self.status = rng.choice(STATUSES)
        self.answer = ANSWERS[self.status]
        self.reviewed = ymd(START)
        self.remarks = [rng.choice(SENTENCES) for _ in range(rng.randint(2, 4))]

    def remarks_text(self):
        return "\n\n".join(self.remarks) + "\n"

    def trustpage_file(self):
        return ("---\nid: %s\nno: %d\nitem: %s\nstatus: %s\nanswer: %s\nreviewed: %s\n---\n%s" %
                (self.id, self.n, self.question, self.status, self.answer, self.reviewed,
                 self.remarks_text()))

    def hugo_file(self):
        return ("---\ntitle: \"%s\"\nid: %s\nno: %d\nstatus: \"%s\"\nanswer: %s\nreviewed: %s\n---\n%s" %
                (self.question, self.id, self.n, self.status, self.answer, self.reviewed,
                 self.remarks_text()))


def section_id(s):
    return "s-%03d" % s


def section_title(s):
    return "管理策グループ%03d" % s


SITE_YAML = """organization: 株式会社ベンチマーク
service: ベンチマーククラウド
base_url: "https://trust.bench.example.jp/"
languages: [ja]
stale_after_months: 120
"""

HUGO_TOML = """baseURL = "https://trust.bench.example.jp/"
languageCode = "ja"
defaultContentLanguage = "ja"
title = "ベンチマーククラウド"
disableKinds = ["taxonomy", "term"]
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  page = ["HTML"]
"""

# One HTML page per item with the same fields trustpage shows (plus the git date and commit
# of the file, which is what --enableGitInfo gives), a list page per section and checklist,
# and a home page.
HUGO_LAYOUTS = {
    "layouts/_default/baseof.html": """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "layouts/_default/single.html": """{{ define "main" }}
<h1>{{ .Params.no }}. {{ .Title }}</h1>
<table>
<tr><th>ID</th><td>{{ .Params.id }}</td></tr>
<tr><th>回答</th><td class="status-{{ .Params.status }}">{{ .Params.status }} {{ .Params.answer }}</td></tr>
<tr><th>確認日</th><td>{{ .Params.reviewed }}</td></tr>
<tr><th>最終更新</th><td>{{ .Lastmod.Format "2006-01-02" }}{{ with .GitInfo }} ({{ .AbbreviatedHash }} {{ .AuthorName }}: {{ .Subject }}){{ end }}</td></tr>
</table>
<section class="remarks">{{ .Content }}</section>
<p><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></p>
{{ end }}
""",
    "layouts/_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ range .Sections }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ end }}
<table>
{{ range .Pages.ByParam "no" }}{{ if .IsPage }}<tr><td>{{ .Params.no }}</td><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Params.status }} {{ .Params.answer }}</td><td>{{ .Lastmod.Format "2006-01-02" }}</td></tr>
{{ end }}{{ end }}</table>
{{ end }}
""",
    "layouts/index.html": """{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
""",
}


class Stream:
    """One `git fast-import` process writing into a new repository."""

    def __init__(self, path):
        os.makedirs(path)
        subprocess.run(["git", "init", "-q", "-b", "main", path], check=True)
        self.path = path
        self.proc = subprocess.Popen(["git", "-C", path, "fast-import", "--quiet"],
                                     stdin=subprocess.PIPE)
        self.out = self.proc.stdin
        self.mark = 0

    def commit(self, ref, when, author, message, changes, parent=None):
        self.mark += 1
        name, email = author
        who = ("%s <%s> %d +0900" % (name, email, when)).encode()
        msg = message.encode()
        w = self.out.write
        w(b"commit %s\nmark :%d\nauthor %s\ncommitter %s\ndata %d\n%s\n" %
          (ref.encode(), self.mark, who, who, len(msg), msg))
        if parent:
            w(b"from %s\n" % parent.encode())
        for op in changes:
            if op[0] == "D":
                w(b"D %s\n" % op[1].encode())
            else:
                data = op[2].encode()
                w(b"M 100644 inline %s\ndata %d\n%s\n" % (op[1].encode(), len(data), data))
        w(b"\n")
        return ":%d" % self.mark

    def finish(self, base_mark, extra_mark):
        w = self.out.write
        w(b"reset refs/tags/base\nfrom %s\n\n" % base_mark.encode())
        w(b"reset refs/tags/extra\nfrom %s\n\n" % extra_mark.encode())
        self.out.close()
        if self.proc.wait() != 0:
            sys.exit("git fast-import failed in " + self.path)
        subprocess.run(["git", "-C", self.path, "reset", "-q", "--hard", "main"], check=True)


def tp_path(item):
    return "content/checklists/bench/%s/%s" % (section_id(item.section), item.slug)


def hugo_path(item):
    return "content/bench/%s/%s" % (section_id(item.section), item.slug)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--items", type=int, required=True)
    p.add_argument("--sections", type=int, required=True)
    p.add_argument("--commits", type=int, required=True, help="including the first")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True, help="new folder for the two repositories")
    a = p.parse_args()
    if os.path.exists(a.out):
        sys.exit(a.out + " exists; delete it first")
    rng = random.Random(a.seed)
    items = [Item(rng, n, (n - 1) * a.sections // a.items + 1) for n in range(1, a.items + 1)]

    tp = Stream(os.path.join(a.out, "trustpage"))
    hugo = Stream(os.path.join(a.out, "hugo"))

    # Commit 1: everything.
    checklist = ["title: ベンチマーク用チェックシート", "order: 1", "scale: [yes, no, partial, na]",
                 "sections:"]
    for s in range(1, a.sections + 1):
        checklist += ["  - id: " + section_id(s), "    title: " + section_title(s)]
    tp_files = [("M", "content/site.yaml", SITE_YAML),
                ("M", "content/checklists/bench/checklist.yaml", "\n".join(checklist) + "\n")]
    hugo_files = [("M", "hugo.toml", HUGO_TOML)] + [("M", k, v) for k, v in HUGO_LAYOUTS.items()]
    hugo_files.append(("M", "content/bench/_index.md",
                       "---\ntitle: ベンチマーク用チェックシート\n---\n"))
    for s in range(1, a.sections + 1):
        hugo_files.append(("M", "content/bench/%s/_index.md" % section_id(s),
                           "---\ntitle: %s\n---\n" % section_title(s)))
    for item in items:
        tp_files.append(("M", tp_path(item), item.trustpage_file()))
        hugo_files.append(("M", hugo_path(item), item.hugo_file()))
    when = START
    author = AUTHORS[0]
    tp.commit("refs/heads/main", when, author, "チェックシートの初版", tp_files)
    hugo.commit("refs/heads/main", when, author, "チェックシートの初版", hugo_files)

    def change(item, when):
        """One random edit of an item; returns what changed, for the message."""
        what = rng.choice(["status", "answer", "remarks", "remarks", "status+remarks"])
        if "status" in what:
            item.status = rng.choice([s for s in STATUSES if s != item.status])
            item.answer = ANSWERS[item.status]
        if what == "answer":
            item.answer = ANSWERS[item.status] + "（%s時点）" % ymd(when)
        if "remarks" in what:
            k = rng.randrange(len(item.remarks))
            if rng.random() < 0.3 and len(item.remarks) < 8:
                item.remarks.insert(k, rng.choice(SENTENCES))
            else:
                item.remarks[k] = rng.choice(SENTENCES).replace("。", "（%s改訂）。" % ymd(when), 1)
        item.reviewed = ymd(when)
        return what

    def edit_commit(ref, when, chosen, move, parents=(None, None)):
        author = rng.choice(AUTHORS)
        tp_ops, hugo_ops, notes = [], [], []
        for item in chosen:
            old_tp, old_hugo = tp_path(item), hugo_path(item)
            if item is move:
                item.section = rng.choice([s for s in range(1, a.sections + 1)
                                           if s != item.section] or [item.section])
                tp_ops.append(("D", old_tp))
                hugo_ops.append(("D", old_hugo))
                notes.append("%s を %s へ移動" % (item.id, section_id(item.section)))
            notes.append("%s の %s を更新" % (item.id, change(item, when)))
            tp_ops.append(("M", tp_path(item), item.trustpage_file()))
            hugo_ops.append(("M", hugo_path(item), item.hugo_file()))
        message = notes[0] + ("\n\n" + "\n".join(notes[1:]) if len(notes) > 1 else "")
        return (tp.commit(ref, when, author, message, tp_ops, parents[0]),
                hugo.commit(ref, when, author, message, hugo_ops, parents[1]))

    marks = None
    for c in range(2, a.commits + 1):
        when += HOUR
        chosen = rng.sample(items, rng.randint(1, min(3, len(items))))
        move = chosen[0] if c % 250 == 0 and a.sections > 1 else None
        marks = edit_commit("refs/heads/main", when, chosen, move)
    base = marks or (":1", ":1")
    # The extra commit for the rebuild measurement: one item changed, one hour later.
    extra = edit_commit("refs/heads/extra-work", when + HOUR, [items[len(items) // 2]], None,
                        parents=base)
    tp.finish(base[0], extra[0])
    hugo.finish(base[1], extra[1])
    for repo in (tp, hugo):
        subprocess.run(["git", "-C", repo.path, "branch", "-q", "-D", "extra-work"], check=True)


if __name__ == "__main__":
    main()
