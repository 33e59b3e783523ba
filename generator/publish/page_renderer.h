// The render stage for HTML pages: takes each page as the site stage plans it, renders it
// from the theme's compiled templates on every core, and adds the pages to the bundle in
// the order they were planned, so the result and the first error reported do not depend
// on which thread was quicker.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "bundle/bundle.h"
#include "common/status.h"
#include "render/template.h"
#include "site/plan.h"
#include "site/theme.h"

namespace trustpage {

class PageRenderer {
 public:
  // `threads` 0: one per core. 1 renders on the calling thread.
  PageRenderer(const Theme& theme, Bundle& bundle, unsigned threads = 0);
  ~PageRenderer();
  PageRenderer(const PageRenderer&) = delete;
  PageRenderer& operator=(const PageRenderer&) = delete;

  // The site stage's PageSink. Queues the page (waiting while the queue is full, so only a
  // few pages' variables are held at once); an error returned stops the planning.
  Status operator()(PagePlan&& page);
  // Waits for every queued page; the first error in plan order, if any.
  Status finish();

 private:
  struct Rendered {
    std::string route;
    Result<std::string> html = std::string();
  };
  Result<std::string> render(const PagePlan& page) const;
  void work();
  void drain();  // caller holds mutex_: moves finished pages, in plan order, to the bundle

  const Theme& theme_;
  Bundle& bundle_;
  TemplateEngine engine_;
  std::mutex mutex_;
  std::condition_variable work_ready_, room_ready_;
  std::deque<std::pair<size_t, PagePlan>> queue_;
  std::map<size_t, Rendered> done_;
  size_t planned_ = 0;   // pages queued so far
  size_t added_ = 0;     // pages moved to the bundle (or failed), in order
  size_t capacity_ = 0;  // queued + rendering + finished but not yet added
  bool closing_ = false;
  Status first_error_ = Status::Ok();
  std::exception_ptr crashed_;  // an exception no library turned into a Status
  std::vector<std::thread> workers_;
};

}  // namespace trustpage
