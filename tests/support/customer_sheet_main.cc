// tp_customer_sheet OUT.xlsx [--sample-answers]: the customer questionnaire of
// customer_sheet.h, for the shell tests.
#include <cstring>
#include <iostream>

#include "support/customer_sheet.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: tp_customer_sheet OUT.xlsx [--sample-answers]\n";
    return 2;
  }
  trustpage::testing::CustomerSheetOptions options;
  options.sample_answers = argc > 2 && std::strcmp(argv[2], "--sample-answers") == 0;
  trustpage::testing::write_customer_sheet(argv[1], options);
  return 0;
}
