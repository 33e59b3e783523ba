#include "import/columns.h"

#include <algorithm>
#include <vector>

#include "import/text.h"

namespace trustpage {
namespace import_detail {
namespace {

// Header names as vendors write them, compared as match_key()s (NFKC, no spaces or
// punctuation): "サービスレベル項目(例)" is "サービスレベル項目例".
const std::vector<std::pair<std::string, std::vector<std::string>>>& exact_names() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kNames = {
      {"no", {"no", "番号", "項番", "項目番号", "通番", "number"}},
      {"section", {"区分", "セクション", "section", "大項目", "大分類"}},
      {"category", {"種別", "カテゴリ", "カテゴリー", "category", "分類", "中項目", "中分類"}},
      {"item",
       {"サービスレベル項目例", "サービスレベル項目", "項目", "項目名", "item", "チェック項目",
        "確認項目", "内容", "小項目", "質問項目"}},
      {"requirement",
       {"規定内容", "規程内容", "要求内容", "要件", "requirement", "質問", "質問内容", "確認内容",
        "説明"}},
      {"unit", {"測定単位", "単位", "unit"}},
      {"status",
       {"状況", "status", "対応状況", "実施状況", "対応可否", "可否", "チェック", "回答状況",
        "判定"}},
      // METI's own sheet heads the answer column 設定等; vendors write 回答欄, ご回答 …
      {"answer",
       {"回答", "answer", "回答内容", "設定", "設定等", "設定内容", "回答欄", "ご回答", "貴社回答",
        "御社回答", "対応内容", "実施内容"}},
      {"remarks", {"備考", "remarks", "補足", "コメント", "備考解説", "補足説明", "注記"}},
      {"evidence", {"根拠資料", "evidence", "エビデンス", "参考資料"}},
      {"reviewed", {"確認日", "reviewed", "更新日", "回答日"}},
      {"id", {"id"}},
      {"section_id", {"区分id", "sectionid"}},
  };
  return kNames;
}

// Longer headers name their column by a word in them: "設定・回答・設定等・対応可否" is the
// answer, "実施内容・備考" the remarks.
const std::vector<std::pair<std::string, std::string>>& contained_words() {
  static const std::vector<std::pair<std::string, std::string>> kWords = {
      {"回答", "answer"}, {"備考", "remarks"},     {"規定", "requirement"}, {"規程", "requirement"},
      {"設定", "answer"}, {"要求", "requirement"}, {"単位", "unit"},        {"可否", "status"},
      {"状況", "status"}, {"項目", "item"},        {"根拠", "evidence"},
  };
  return kWords;
}

std::optional<std::string> role_of(const std::string& cell) {
  std::string key = match_key(cell);
  if (key.empty() || key.size() > 60) return std::nullopt;
  for (const auto& [role, names] : exact_names()) {
    if (std::find(names.begin(), names.end(), key) != names.end()) return role;
  }
  for (const auto& [word, role] : contained_words()) {
    if (key.find(word) != std::string::npos) return role;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ColumnMap> header_roles(const SheetRow& row) {
  ColumnMap roles;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    std::optional<std::string> role = role_of(row.cells[i]);
    if (role && !roles.count(*role)) roles[*role] = static_cast<int>(i);
  }
  bool question = roles.count("no") || roles.count("item") || roles.count("requirement");
  bool answer = roles.count("answer") || roles.count("status");
  if (!question || !answer || roles.size() < 2) return std::nullopt;
  // A lone status column ("チェック", "対応可否") holds the answer too.
  if (!roles.count("answer")) {
    roles["answer"] = roles["status"];
    roles.erase("status");
  }
  return roles;
}

std::optional<int> column_index(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int n = std::stoi(std::string(text));
    if (n < 1 || n > 16384) return std::nullopt;
    return n - 1;
  }
  int col = 0;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return std::nullopt;
    col = col * 26 + (c - 'A' + 1);
    if (col > 16384) return std::nullopt;
  }
  return col - 1;
}

std::string column_letter(int index) {
  std::string out;
  for (int n = index + 1; n > 0; n = (n - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return out;
}

}  // namespace import_detail

const std::vector<std::string>& column_roles() {
  static const std::vector<std::string> kRoles = {
      "no",     "section", "category", "item",     "requirement", "unit",      "status",
      "answer", "remarks", "evidence", "reviewed", "id",          "section_id"};
  return kRoles;
}

Result<std::map<std::string, int>> parse_column_map(const std::string& text) {
  std::map<std::string, int> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string pair = import_detail::trim(text.substr(start, end - start));
    start = end + 1;
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string role = eq == std::string::npos ? pair : import_detail::trim(pair.substr(0, eq));
    const auto& roles = column_roles();
    if (eq == std::string::npos || std::find(roles.begin(), roles.end(), role) == roles.end()) {
      std::string list;
      for (const std::string& r : roles) list += (list.empty() ? "" : ", ") + r;
      return Status::Error("--columns: \"" + pair + "\" is not ROLE=COLUMN with ROLE one of " +
                           list + " (e.g. --columns no=A,item=C,answer=E)");
    }
    std::optional<int> index =
        import_detail::column_index(import_detail::trim(pair.substr(eq + 1)));
    if (!index) {
      return Status::Error("--columns: \"" + pair +
                           "\" — give the column as a letter (A, B, … AA) or a number from 1");
    }
    out[role] = *index;
  }
  if (!out.count("answer") && !out.count("status")) {
    return Status::Error(
        "--columns needs at least answer=COLUMN (and no= or item= to match "
        "rows), e.g. --columns no=A,item=C,answer=E");
  }
  if (!out.count("answer")) {
    out["answer"] = out["status"];
    out.erase("status");
  }
  return out;
}

}  // namespace trustpage
