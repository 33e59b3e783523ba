#include "content/yaml_reader.h"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <charconv>
#include <sstream>

#include "content/suggest.h"

namespace trustpage::content_detail {
namespace {

bool is_null_mark(const YAML::Mark& mark) {
  return mark.pos < 0 || mark.line < 0;
}

std::string trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(kSpace);
  return std::string(text.substr(begin, end - begin + 1));
}

std::string kind_name(const YAML::Node& node) {
  return node.IsSequence() ? "a list" : node.IsMap() ? "a set of keys" : "text";
}

// How many documents a YAML stream holds, counting to two (one more than a content file may
// hold), and where the second one's first node is. Not YAML::LoadAll: on a "," outside [ ]
// or { } its parser hands out the same empty document again and again without consuming the
// ",", and LoadAll collects them until memory runs out.
class DocumentCount final : public YAML::EventHandler {
 public:
  int documents = 0;
  std::optional<YAML::Mark> second;  // the second document's first node

  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    node(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(mark);
  }
  void OnMapEnd() override {}

 private:
  void node(const YAML::Mark& mark) {
    if (documents == 2 && !second) second = mark;
  }
};

DocumentCount count_documents(const std::string& text) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentCount count;
  while (count.documents < 2 && parser.HandleNextDocument(count)) {
  }
  return count;
}

}  // namespace

Location YamlText::at(const YAML::Mark& mark, const Location& fallback) const {
  if (is_null_mark(mark) || file == nullptr) return fallback;
  return file->at(offset + static_cast<size_t>(mark.pos));
}

std::optional<YAML::Node> parse_yaml(const YamlText& yaml, std::string_view text,
                                     Diagnostics& diagnostics) {
  Location whole = yaml.file->whole();
  try {
    const std::string copy(text);
    DocumentCount count = count_documents(copy);
    if (count.documents == 0) return YAML::Node();
    if (count.documents > 1) {
      const YAML::Mark second = count.second.value_or(YAML::Mark::null_mark());
      const bool comma = !is_null_mark(second) && static_cast<size_t>(second.pos) < copy.size() &&
                         copy[static_cast<size_t>(second.pos)] == ',';
      diagnostics.error(yaml.at(second, whole),
                        comma ? "YAML syntax error: unexpected \",\" — write a list on one line "
                                "inside [ ], and put a value that starts with \",\" in quotes"
                              : "a second YAML document starts here — remove the extra \"---\" "
                                "line above it");
      return std::nullopt;
    }
    return YAML::Load(copy);
  } catch (const YAML::Exception& e) {
    diagnostics.error(yaml.at(e.mark, whole),
                      "YAML syntax error: " + e.msg +
                          " — check the indentation, and put a value in quotes if it contains "
                          "\": \" or \" #\" or starts with one of [ ] { } > | * & ! % @ `");
  } catch (const std::exception& e) {
    diagnostics.error(whole, std::string("cannot read this YAML: ") + e.what());
  }
  return std::nullopt;
}

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

MapReader::MapReader(const YamlText& yaml, const YAML::Node& node, Location fallback,
                     std::string what, std::vector<std::string_view> allowed,
                     Diagnostics& diagnostics)
    : yaml_(yaml),
      where_(yaml.at(node.Mark(), fallback)),
      what_(std::move(what)),
      diagnostics_(&diagnostics) {
  if (node.IsNull()) {
    is_map_ = true;
    return;
  }
  if (!node.IsMap()) {
    diagnostics.error(where_,
                      what_ + " must be a set of \"key: value\" lines, not " + kind_name(node));
    return;
  }
  is_map_ = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    // Copies: the iterator hands out a temporary pair, references into it would dangle.
    YAML::Node key_node(it->first);
    Location key_at = yaml.at(key_node.Mark(), where_);
    if (!key_node.IsScalar()) {
      diagnostics.error(key_at, "a key must be a plain name followed by \":\", e.g. \"title:\"");
      continue;
    }
    std::string key = key_node.Scalar();
    if (const Field* first = find(key)) {
      Location first_at = yaml.at(first->key_mark, where_);
      diagnostics.error(key_at, "key \"" + key + "\" is given twice (first on line " +
                                    std::to_string(first_at.line) + ") — keep only one");
      continue;
    }
    bool known = false;
    for (std::string_view name : allowed) known = known || name == key;
    if (!known) {
      std::string message =
          "unknown key \"" + key + "\" in " + what_ + " — allowed keys are " + join(allowed);
      if (auto guess = did_you_mean(key, allowed)) {
        message += "; did you mean \"" + *guess + "\"?";
      } else {
        message += "; fix the spelling or remove the line";
      }
      diagnostics.error(key_at, message);
      continue;
    }
    fields_.push_back({key, key_node.Mark(), it->second});
  }
}

const MapReader::Field* MapReader::find(std::string_view key) const {
  for (const Field& field : fields_) {
    if (field.key == key) return &field;
  }
  return nullptr;
}

Location MapReader::value_at(std::string_view key) const {
  const Field* field = find(key);
  if (field == nullptr) return where_;
  // yaml-cpp places an empty value at the start of the *next* line: point at the key.
  if (field->value.IsNull()) return yaml_.at(field->key_mark, where_);
  return yaml_.at(field->value.Mark(), yaml_.at(field->key_mark, where_));
}

YAML::Node MapReader::value(std::string_view key) const {
  const Field* field = find(key);
  return field ? field->value : YAML::Node(YAML::NodeType::Null);
}

void MapReader::report_missing(std::string_view key) {
  diagnostics_->error(where_, "missing required key \"" + std::string(key) + "\" in " + what_ +
                                  " — add a line \"" + std::string(key) + ": ...\"");
}

std::optional<std::string> MapReader::scalar(const Field& field) {
  if (field.value.IsNull()) return std::string();
  if (field.value.IsScalar()) return field.value.Scalar();
  diagnostics_->error(value_at(field.key), "\"" + field.key + "\" must be text, not " +
                                               kind_name(field.value) +
                                               " — write the text after \"" + field.key +
                                               ":\" (for several lines, "
                                               "write \"" +
                                               field.key + ": |\" and indent the lines below it)");
  return std::nullopt;
}

std::string MapReader::text(std::string_view key, bool required) {
  const Field* field = find(key);
  if (field == nullptr) {
    if (required) report_missing(key);
    return "";
  }
  std::optional<std::string> value = scalar(*field);
  if (!value) return "";
  std::string trimmed = trim(*value);
  if (trimmed.empty() && required) {
    diagnostics_->error(value_at(key), "\"" + field->key + "\" is empty — write a value after \"" +
                                           field->key + ":\"");
  }
  return trimmed;
}

std::string MapReader::markdown(std::string_view key) {
  const Field* field = find(key);
  if (field == nullptr) return "";
  std::string text = scalar(*field).value_or("");
  check_markdown_size(*diagnostics_, value_at(key), "\"" + std::string(key) + "\" is", text);
  return text;
}

std::optional<int> MapReader::integer(std::string_view key, int min, int max) {
  const Field* field = find(key);
  if (field == nullptr) return std::nullopt;
  std::optional<std::string> value = scalar(*field);
  if (!value) return std::nullopt;
  std::string text = trim(*value);
  int number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || number < min ||
      number > max) {
    std::string range = min > 0 ? " of at least " + std::to_string(min) : "";
    diagnostics_->error(value_at(key), "\"" + field->key + "\" must be a whole number" + range +
                                           ", such as " + std::to_string(std::max(min, 1)) +
                                           ", not \"" + text + "\"");
    return std::nullopt;
  }
  return number;
}

std::vector<YAML::Node> MapReader::list(std::string_view key, bool required, bool allow_text) {
  std::vector<YAML::Node> out;
  const Field* field = find(key);
  if (field == nullptr) {
    if (required) report_missing(key);
    return out;
  }
  const YAML::Node& value = field->value;
  if (value.IsSequence()) {
    for (const YAML::Node& element : value) out.push_back(element);
    if (out.empty() && required) {
      diagnostics_->error(value_at(key), "\"" + field->key +
                                             "\" is empty — list its entries below it, one "
                                             "\"- \" line each");
    }
  } else if (allow_text && value.IsScalar()) {
    out.push_back(value);
  } else if (value.IsNull()) {
    if (required) {
      diagnostics_->error(value_at(key), "\"" + field->key +
                                             "\" is empty — list its entries below it, one "
                                             "\"- \" line each");
    }
  } else {
    diagnostics_->error(value_at(key), "\"" + field->key +
                                           "\" must be a list (lines starting "
                                           "with \"- \" below it), not " +
                                           kind_name(value));
  }
  return out;
}

std::optional<std::string> MapReader::element_text(const YAML::Node& element,
                                                   std::string_view key) {
  if (element.IsScalar()) return trim(element.Scalar());
  diagnostics_->error(yaml_.at(element.Mark(), value_at(key)),
                      "each entry of \"" + std::string(key) + "\" must be text, not " +
                          (element.IsNull() ? std::string("empty") : kind_name(element)));
  return std::nullopt;
}

}  // namespace trustpage::content_detail
