// Reading YAML strictly: every scalar is text (so `status: no` stays "no"), every node
// maps back to file:line:col, and yaml-cpp exceptions stop here (private to the library).
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "content/text_file.h"

namespace trustpage::content_detail {

// A YAML text inside a content file: the whole file, or the front matter of a .md file.
struct YamlText {
  const TextFile* file = nullptr;
  size_t offset = 0;  // where the YAML starts in file->text

  // file:line:col of a node; `fallback` when yaml-cpp has no position for it.
  Location at(const YAML::Mark& mark, const Location& fallback) const;
};

// Parses one YAML document. A syntax error becomes a diagnostic (and nullopt); an empty
// text gives a Null node.
std::optional<YAML::Node> parse_yaml(const YamlText& yaml, std::string_view text,
                                     Diagnostics& diagnostics);

// "a, b, c": how messages list allowed values.
std::string join(const std::vector<std::string_view>& words);

// One YAML mapping of known keys. The constructor reports unknown keys (with a
// did-you-mean), duplicate keys and non-text keys; the getters report missing required
// keys and values of the wrong type. Null (an empty file or front matter) counts as a
// mapping without keys, so the messages say which keys to add.
class MapReader {
 public:
  MapReader(const YamlText& yaml, const YAML::Node& node, Location fallback, std::string what,
            std::vector<std::string_view> allowed, Diagnostics& diagnostics);

  bool is_map() const { return is_map_; }
  const Location& where() const { return where_; }
  const YamlText& yaml() const { return yaml_; }
  Diagnostics& diagnostics() { return *diagnostics_; }

  bool has(std::string_view key) const { return find(key) != nullptr; }
  // Where the key's value is (the key itself when the value is empty); where() if absent.
  Location value_at(std::string_view key) const;
  // The value node; an undefined-free Null node when absent.
  YAML::Node value(std::string_view key) const;

  // Single-line text, trimmed. Empty when absent or null; a required key reports that.
  std::string text(std::string_view key, bool required);
  // Markdown text, kept as written (block scalars end with a newline). Over
  // kMaxMarkdownBytes it is reported and empty.
  std::string markdown(std::string_view key);
  // A whole number in [min, max]; nullopt (reported) when it is something else.
  std::optional<int> integer(std::string_view key, int min, int max);
  // The elements of a list value; reports a non-list. With `allow_text`, a lone text
  // value counts as a list of one (evidence: url).
  std::vector<YAML::Node> list(std::string_view key, bool required, bool allow_text = false);
  // The text of a list element, or reports the element as not text.
  std::optional<std::string> element_text(const YAML::Node& element, std::string_view key);

 private:
  struct Field {
    std::string key;
    YAML::Mark key_mark;
    YAML::Node value;
  };

  const Field* find(std::string_view key) const;
  void report_missing(std::string_view key);
  // The value's text, or nullopt after reporting a list or mapping.
  std::optional<std::string> scalar(const Field& field);

  YamlText yaml_;
  Location where_;
  std::string what_;
  Diagnostics* diagnostics_;
  bool is_map_ = false;
  std::vector<Field> fields_;
};

}  // namespace trustpage::content_detail
