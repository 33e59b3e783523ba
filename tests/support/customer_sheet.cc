#include "support/customer_sheet.h"

#include <xlsxwriter.h>

#include <stdexcept>

namespace trustpage::testing {

const std::vector<CustomerQuestion>& customer_questions() {
  static const std::vector<CustomerQuestion> kQuestions = {
      {"組織",
       "情報セキュリティポリシーを文書化し、社外にも公表していますか。",
       {"sq-01-security-policy"}},
      {"組織",
       "ISMS（ISO/IEC 27001）やPマーク等の外部認証を取得済みですか。",
       {"sq-03-third-party-certification", "meti-39-public-certifications"}},
      {"組織", "社員に対してセキュリティ教育を毎年実施していますか。", {"sq-05-employee-training"}},
      {"組織", "退職者のアカウントは速やかに削除されますか。", {"sq-07-offboarding"}},
      {"アクセス管理",
       "ログイン時にワンタイムパスワードなどの多要素認証を利用できますか。",
       {"sq-18-mfa"}},
      {"アクセス管理",
       "特権IDの操作履歴を記録し、定期的に点検していますか。",
       {"sq-21-privileged-access"}},
      {"データ保護",
       "お預かりするデータはストレージ上で暗号化されて保存されますか。",
       {"sq-17-storage-encryption", "meti-33-encryption"}},
      {"データ保護",
       "インターネット上の通信はTLSで暗号化されていますか。",
       {"sq-16-transport-encryption", "meti-42-transport-encryption"}},
      {"データ保護",
       "バックアップの取得頻度と保存期間を教えてください。",
       {"meti-30-backup-retention", "meti-29-rpo", "meti-28-backup-method",
        "meti-32-backup-generations"}},
      {"データ保護",
       "データを保管するサーバーは日本国内にありますか。",
       {"sq-13-data-residency", "meti-49-data-location-policy"}},
      {"データ保護",
       "弊社のデータをAIや機械学習の学習用データとして使うことはありますか。",
       {"sq-11-ai-training"}},
      {"データ保護",
       "契約終了後、弊社のデータは消去されますか。",
       {"sq-15-data-return-deletion", "meti-31-data-deletion"}},
      {"運用",
       "外部の専門家による脆弱性診断を定期的に受けていますか。",
       {"sq-25-vulnerability-assessment", "meti-40-third-party-assessment"}},
      {"運用",
       "ウイルス・マルウェア対策を講じていますか。",
       {"sq-28-malware-protection", "meti-47-virus-scan"}},
      {"運用",
       "本番環境は開発環境やテスト環境と分離されていますか。",
       {"sq-29-environment-separation"}},
      {"事故対応",
       "セキュリティ事故が発生した際、利用者へ何時間以内に連絡しますか。",
       {"sq-32-customer-notification", "meti-15-incident-notification-time"}},
      {"事故対応", "事業継続計画を策定し、訓練を行っていますか。", {"sq-33-bcp"}},
      {"委託先", "カード情報を扱う場合、PCI DSSに準拠していますか。", {"sq-39-pci-dss"}},
      {"その他", "貴社の資本金および設立年を記入してください。", {}},
      {"その他", "反社会的勢力と一切の関係がないことを表明できますか。", {}},
  };
  return kQuestions;
}

void write_customer_sheet(const std::string& path, const CustomerSheetOptions& options) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) throw std::runtime_error("cannot create " + path);

  lxw_worksheet* guide = workbook_add_worksheet(workbook, "記入要領");
  worksheet_write_string(guide, 0, 0, "ご記入にあたって", nullptr);
  worksheet_write_string(guide, 1, 0, "1. 回答欄はプルダウンから選択してください。", nullptr);
  worksheet_write_string(guide, 2, 0, "2. 備考欄には根拠となる資料名やURLをご記入ください。",
                         nullptr);
  worksheet_set_column(guide, 0, 0, 60, nullptr);

  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "チェックシート");
  lxw_format* title = workbook_add_format(workbook);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* head = workbook_add_format(workbook);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  lxw_format* body = workbook_add_format(workbook);
  format_set_border(body, LXW_BORDER_THIN);
  format_set_text_wrap(body);
  format_set_align(body, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* section = workbook_add_format(workbook);
  format_set_border(section, LXW_BORDER_THIN);
  format_set_align(section, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* answer = workbook_add_format(workbook);
  format_set_border(answer, LXW_BORDER_THIN);
  format_set_bg_color(answer, 0xFFF2CC);
  lxw_format* ours = workbook_add_format(workbook);
  format_set_border(ours, LXW_BORDER_THIN);
  format_set_bg_color(ours, 0xD9D9D9);

  worksheet_merge_range(sheet, 0, 0, 0, 6, "クラウドサービス利用に関するセキュリティチェックシート",
                        title);
  worksheet_write_string(sheet, 1, 0, "依頼元: 株式会社さくら商事 情報システム部", nullptr);
  worksheet_write_string(sheet, 2, 0, "回答期限: 2026年12月25日", nullptr);
  worksheet_write_string(sheet, 3, 0, "※ 灰色の列は当社記入欄です。", nullptr);

  int h = kCustomerHeaderRow - 1;
  worksheet_write_string(sheet, h, 0, "No.", head);
  worksheet_write_string(sheet, h, 1, "大分類", head);
  worksheet_write_string(sheet, h, 2, options.question_header ? "質問" : "内容説明欄", head);
  worksheet_write_string(sheet, h, 3, "回答", head);
  worksheet_write_string(sheet, h, 4, "備考（根拠・補足）", head);
  worksheet_write_string(sheet, h, 5, "当社確認欄", head);
  worksheet_write_string(sheet, h, 6, "確認者", head);
  worksheet_set_column(sheet, 0, 0, 5, nullptr);
  worksheet_set_column(sheet, 1, 1, 12, nullptr);
  worksheet_set_column(sheet, 2, 2, 50, nullptr);
  worksheet_set_column(sheet, 3, 3, 12, nullptr);
  worksheet_set_column(sheet, 4, 4, 60, nullptr);
  worksheet_set_column(sheet, 5, 6, 14, nullptr);
  worksheet_freeze_panes(sheet, kCustomerHeaderRow, 0);

  const auto& questions = customer_questions();
  int first = kCustomerFirstQuestionRow - 1;
  for (size_t i = 0; i < questions.size(); ++i) {
    int r = first + static_cast<int>(i);
    worksheet_write_number(sheet, r, 0, static_cast<double>(i + 1), body);
    worksheet_write_string(sheet, r, 2, questions[i].question.c_str(), body);
    worksheet_write_blank(sheet, r, 3, answer);
    worksheet_write_blank(sheet, r, 4, body);
    worksheet_write_blank(sheet, r, 5, ours);
    worksheet_write_blank(sheet, r, 6, ours);
  }
  // 大分類 merged over its questions.
  for (size_t i = 0; i < questions.size();) {
    size_t j = i;
    while (j + 1 < questions.size() && questions[j + 1].section == questions[i].section) ++j;
    int r0 = first + static_cast<int>(i), r1 = first + static_cast<int>(j);
    if (r1 > r0) {
      worksheet_merge_range(sheet, r0, 1, r1, 1, questions[i].section.c_str(), section);
    } else {
      worksheet_write_string(sheet, r0, 1, questions[i].section.c_str(), section);
    }
    i = j + 1;
  }
  worksheet_write_string(sheet, first, 5, "要確認", ours);
  worksheet_write_string(sheet, first, 6, "佐藤", ours);
  if (options.sample_answers) {
    worksheet_write_string(sheet, first, 3, "はい", answer);
    worksheet_write_string(sheet, first + 1, 3, "はい", answer);
  }
  worksheet_write_comment(sheet, first, 2, "回答例: 方針の公開URLを備考に記載してください");

  if (options.dropdown && options.list_sheet) {
    lxw_worksheet* lists = workbook_add_worksheet(workbook, "選択肢");
    worksheet_write_string(lists, 0, 0, "○", nullptr);
    worksheet_write_string(lists, 1, 0, "×", nullptr);
    worksheet_write_string(lists, 2, 0, "対象外", nullptr);
    lxw_data_validation validation = {};
    validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    validation.value_formula = const_cast<char*>("=選択肢!$A$1:$A$3");
    worksheet_data_validation_range(sheet, first, 3, first + static_cast<int>(questions.size()) - 1,
                                    3, &validation);
  } else if (options.dropdown) {
    lxw_data_validation validation = {};
    // libxlsxwriter takes the list as char** and only reads it.
    static char yes[] = "はい", no[] = "いいえ", na[] = "該当なし";
    char* choices[] = {yes, no, na, nullptr};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = choices;
    worksheet_data_validation_range(sheet, first, 3, first + static_cast<int>(questions.size()) - 1,
                                    3, &validation);
  }
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path);
}

}  // namespace trustpage::testing
