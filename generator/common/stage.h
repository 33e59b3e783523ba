// Which pipeline stage is running, for the one message no library can return as a value:
// an exception that escaped (memory exhausted, a bug). main's last-resort handler names the
// stage, so a report says where to look.
#pragma once

namespace trustpage {

// Marks the current thread as running `stage` ("history", "site", …) for its lifetime. When
// it ends because an exception passes through, the stage is kept for the handler to name.
class StageScope {
 public:
  explicit StageScope(const char* stage);
  ~StageScope();
  StageScope(const StageScope&) = delete;
  StageScope& operator=(const StageScope&) = delete;

 private:
  const char* previous_;
  int uncaught_;
};

// The innermost stage entered on this thread and not left normally; "" before any.
const char* current_stage();

}  // namespace trustpage
