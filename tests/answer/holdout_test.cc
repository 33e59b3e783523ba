// A second customer's sheet, written after the scoring was settled and never tuned on: a CSV
// with free-text answers, other items, other wording. Its accuracy is reported as measured.
#include <iostream>

#include "answer/answer_fixtures.h"

namespace trustpage::testing {
namespace {

struct Question {
  const char* text;
  std::vector<std::string> expected;  // none: nothing answers it
};

const std::vector<Question>& second_sheet() {
  static const std::vector<Question> kQuestions = {
      {"サービスの稼働率の目標値（SLA）を教えてください。", {"meti-05-availability-rate"}},
      {"計画メンテナンスを行う場合、何日前までに知らせてもらえますか。",
       {"meti-02-planned-maintenance-notice"}},
      {"障害が起きた場合の目標復旧時間はどの程度ですか。", {"meti-11-rto"}},
      {"一般的なお問い合わせの受付時間帯を教えてください。",
       {"meti-27-support-hours-general", "meti-26-support-hours-incident"}},
      {"利用者の操作ログを取得し、提供してもらえますか。", {"meti-18-logs", "sq-23-logging"}},
      {"サービスを終了する場合、どのくらい前に告知がありますか。", {"meti-03-termination-notice"}},
      {"解約時に全データを一括でエクスポートできますか。",
       {"meti-36-data-portability", "meti-08-alternative-data-format",
        "sq-15-data-return-deletion"}},
      {"他システムと連携するためのAPIは提供されていますか。", {"meti-23-external-connectivity"}},
      {"サーバーの時刻は正確な時刻源に合わせていますか。", {"sq-24-time-sync"}},
      {"プログラムを変更する際、レビューと承認の手続きはありますか。", {"sq-30-change-management"}},
      {"WAFやIDSなどの不正侵入対策を導入していますか。", {"sq-27-network-protection"}},
      {"業務委託先のセキュリティ水準を評価していますか。", {"sq-37-supplier-assessment"}},
      {"個人情報の取扱い方針をWebサイトで公表していますか。", {"sq-08-privacy-policy"}},
      {"従業員と守秘義務に関する契約を結んでいますか。", {"sq-06-confidentiality-agreements"}},
      {"パスワードの条件やIPアドレスによるアクセス制限を管理者が設定できますか。",
       {"sq-19-tenant-admin-controls", "meti-45-access-restriction"}},
      {"お預けしたデータが海外へ移転されることはありますか。",
       {"sq-14-cross-border-transfer", "meti-49-data-location-policy"}},
      {"マルチテナント環境で他社のデータと分離されていますか。", {"meti-44-multitenant-isolation"}},
      {"情報漏えいが起きた場合の損害賠償や保険の有無を教えてください。",
       {"meti-35-compensation-insurance"}},
      {"貴社の直近3期分の売上高を教えてください。", {}},
      {"導入実績のある同業他社の事例を紹介してください。", {}},
  };
  return kQuestions;
}

}  // namespace

TEST_CASE("a second sheet, never tuned on: the accuracy as measured") {
  std::string csv = "項番,確認項目,回答内容,備考\r\n";
  for (size_t i = 0; i < second_sheet().size(); ++i) {
    csv += std::to_string(i + 1) + "," + second_sheet()[i].text + ",,\r\n";
  }
  Result<FilledQuestionnaire> filled =
      answer_questionnaire(csv, "second.csv", demo_content(), test_options());
  REQUIRE(filled.ok());
  REQUIRE(filled->rows.size() == second_sheet().size());
  int right = 0, answerable = 0, wrongly_filled = 0;
  for (size_t i = 0; i < second_sheet().size(); ++i) {
    const Question& q = second_sheet()[i];
    const AnsweredRow& row = filled->rows[i];
    bool filled_row = row.outcome == RowOutcome::kFilled;
    if (q.expected.empty()) {
      CHECK(!filled_row);
      continue;
    }
    ++answerable;
    const std::vector<ItemMatch>& best = filled_row ? row.cited : row.candidates;
    bool ok = filled_row && std::find(q.expected.begin(), q.expected.end(), best.front().item_id) !=
                                q.expected.end();
    right += ok;
    if (filled_row && !ok) ++wrongly_filled;
    if (!ok) {
      WARN("line " << row.row << " " << q.text << " -> "
                   << (best.empty() ? "(none)" : best.front().item_id) << " "
                   << (best.empty() ? 0 : best.front().score)
                   << (filled_row ? " filled" : " left empty") << ", expected "
                   << q.expected.front());
    }
  }
  std::cout << "answer accuracy on the second sheet: " << right << " of " << answerable
            << " right, " << wrongly_filled << " filled wrongly\n";
  CHECK(right >= 14);
  CHECK(wrongly_filled <= 1);
}

}  // namespace trustpage::testing
