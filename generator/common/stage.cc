#include "common/stage.h"

#include <exception>

namespace trustpage {
namespace {

thread_local const char* g_stage = "";

}  // namespace

StageScope::StageScope(const char* stage)
    : previous_(g_stage), uncaught_(std::uncaught_exceptions()) {
  g_stage = stage;
}

StageScope::~StageScope() {
  // Unwinding: leave the stage where the exception came from, for the handler.
  if (std::uncaught_exceptions() > uncaught_) return;
  g_stage = previous_;
}

const char* current_stage() {
  return g_stage;
}

}  // namespace trustpage
