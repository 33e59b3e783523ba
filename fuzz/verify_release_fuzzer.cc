// The whole verifier over hostile release files. The input is a genuine two-release chain
// with one file replaced: the first byte picks which, the rest are its bytes, so the fuzzer
// starts from a valid chain and explores what an attacker can change.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bundle/bundle.h"
#include "sign/release_files.h"
#include "sign/sign_bundle.h"
#include "sign/verify.h"

namespace {

using namespace trustpage;

ReleaseFiles release_of(const Bundle& bundle) {
  ReleaseFiles files;
  for (const auto& [path, bytes] : bundle.files()) {
    if (is_release_file_name(path) || archived_release(path) > 0) files.emplace(path, bytes);
  }
  return files;
}

struct Chain {
  SigningKey key = std::move(SigningKey::generate()).value();
  ReleaseFiles files;
  Chain() {
    ReleaseFiles previous;
    for (int n = 1; n <= 2; ++n) {
      ChainOptions options;
      options.key = &key;
      options.provenance.commit = std::string(39, 'a') + static_cast<char>('0' + n);
      options.provenance.time = 1'790'000'000 + n * 86'400;
      options.site_url = "https://trust.example.com/";
      options.previous = previous;
      options.first_release = previous.empty();
      Result<ReleasePlan> plan = plan_release(options);
      Bundle bundle;
      (void)bundle.add("index.html", "page " + std::to_string(n));
      if (!plan.ok() || !sign_bundle(bundle, *plan, key, nullptr, {}).ok()) __builtin_trap();
      previous = release_of(bundle);
    }
    files = previous;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Chain chain;
  if (size == 0) return 0;
  ReleaseFiles files = chain.files;
  auto it = files.begin();
  std::advance(it, data[0] % files.size());
  it->second.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  VerifyOptions options;
  options.anchor = TrustAnchor::of(chain.key.public_key());
  VerifyReport report = verify_release(files, nullptr, options);
  if (report.verified) (void)identify_file(files, report, std::string(64, '0'));
  return 0;
}
