#include "publish/page_renderer.h"

#include <algorithm>
#include <utility>

#include "common/stage.h"

namespace trustpage {

PageRenderer::PageRenderer(const Theme& theme, Bundle& bundle, unsigned threads)
    : theme_(theme),
      bundle_(bundle),
      engine_([&theme](const std::string& name) { return theme.file("templates/" + name); }) {
  if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  // A few pages per thread in flight: enough to keep every core busy while the site stage
  // plans the next one, few enough that memory does not grow with the site.
  capacity_ = 4 * threads;
  if (threads > 1) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
}

PageRenderer::~PageRenderer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

Result<std::string> PageRenderer::render(const PagePlan& page) const {
  RenderRequest request;
  request.body = page.template_name;
  request.context = page.context;
  request.page_route = page.route;
  Result<std::string> html = engine_.render(request);
  if (html.ok()) return html;
  // The engine names templates as the theme does ("page.xhtml"); a vendor needs the file.
  Location where = html.status().where();
  if (!where.file.empty()) where.file = theme_.origin("templates/" + where.file);
  return Status::Error(where, html.status().message() + " (rendering " + page.route + ")");
}

Status PageRenderer::operator()(PagePlan&& page) {
  if (workers_.empty()) {
    Result<std::string> html = render(page);
    if (!html.ok()) return html.status();
    return bundle_.add(page.route, std::move(*html));
  }
  std::unique_lock<std::mutex> lock(mutex_);
  room_ready_.wait(lock, [this] {
    drain();
    return planned_ - added_ < capacity_ || !first_error_.ok() || crashed_;
  });
  if (crashed_) return Status::Error("rendering stopped");  // finish() rethrows
  if (!first_error_.ok()) return first_error_;
  queue_.emplace_back(planned_++, std::move(page));
  lock.unlock();
  work_ready_.notify_one();
  return Status::Ok();
}

Status PageRenderer::finish() {
  if (workers_.empty()) return Status::Ok();
  std::unique_lock<std::mutex> lock(mutex_);
  room_ready_.wait(lock, [this] {
    drain();
    return added_ == planned_ || !first_error_.ok() || crashed_;
  });
  if (crashed_) {
    StageScope stage("render");
    std::rethrow_exception(crashed_);
  }
  return first_error_;
}

void PageRenderer::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    work_ready_.wait(lock, [this] { return closing_ || !queue_.empty(); });
    if (queue_.empty()) return;
    auto [seq, page] = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    Rendered rendered{page.route};
    std::exception_ptr crash;
    try {
      StageScope stage("render");
      rendered.html = render(page);
    } catch (...) {
      crash = std::current_exception();
    }
    lock.lock();
    if (crash && !crashed_) crashed_ = crash;
    done_.emplace(seq, std::move(rendered));
    room_ready_.notify_all();
  }
}

void PageRenderer::drain() {
  for (auto it = done_.find(added_); it != done_.end() && first_error_.ok();
       it = done_.find(added_)) {
    Rendered& page = it->second;
    first_error_ = page.html.ok() ? bundle_.add(std::move(page.route), std::move(*page.html))
                                  : page.html.status();
    done_.erase(it);
    ++added_;
  }
}

}  // namespace trustpage
