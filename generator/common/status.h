// Errors are values: a Status says where (file:line:col) and what to do.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace trustpage {

// A position in a content or theme file. line/column are 1-based; 0 means unknown.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  std::string to_string() const;  // "file:line:col", "file:line" or "file"
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  Location where;
  std::string message;

  std::string to_string() const;  // "file:line:col: error: message"
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(Location{}, std::move(message)); }
  static Status Error(Location where, std::string message) {
    return Status(std::move(where), std::move(message));
  }

  bool ok() const { return !failed_; }
  const Location& where() const { return where_; }
  const std::string& message() const { return message_; }
  std::string to_string() const;
  Diagnostic as_diagnostic() const { return {Severity::kError, where_, message_}; }

 private:
  Status(Location where, std::string message)
      : failed_(true), where_(std::move(where)), message_(std::move(message)) {}

  bool failed_ = false;
  Location where_;
  std::string message_;
};

// Either a value or the Status explaining why there is none.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : state_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(state_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> state_;
};

// Collects errors and warnings so a vendor sees every problem of a build at once.
class Diagnostics {
 public:
  void error(Location where, std::string message) {
    list_.push_back({Severity::kError, std::move(where), std::move(message)});
  }
  void warning(Location where, std::string message) {
    list_.push_back({Severity::kWarning, std::move(where), std::move(message)});
  }
  void add(const Status& status) {
    if (!status.ok()) list_.push_back(status.as_diagnostic());
  }
  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  const std::vector<Diagnostic>& list() const { return list_; }
  void sort();  // by file, line, column: stable output whatever the walk order

 private:
  std::vector<Diagnostic> list_;
};

}  // namespace trustpage
