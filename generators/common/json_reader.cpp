#include "generators/common/json_reader.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include <cmath>
#include <set>
#include <stdexcept>

#include "generators/common/json_text.h"
#include "generators/common/unicode.h"

namespace thidua {

struct JsonReader::Shared {
  std::string origin;
  JsonProblemHandler onProblem;
  TextPolicy policy;
};

struct JsonReader::Node {
  Poco::JSON::Object::Ptr object;
  std::string path;  // of the object itself: "" or "candidates[1]"
  std::set<std::string> read;
  std::vector<std::shared_ptr<Node>> children;  // readers handed out, in reading order
};

namespace {

// The one wording of each problem's subject.
std::string quoted(const std::string& path) { return "\"" + path + "\""; }
std::string field(const std::string& path) { return "trường " + quoted(path); }
std::string element(const std::string& path) { return "phần tử " + quoted(path); }

std::string join(const std::string& prefix, const std::string& name) {
  if (prefix.empty()) return name;
  if (name.empty()) return prefix;
  return prefix + "." + name;
}

std::string indexed(const std::string& path, unsigned i) { return path + "[" + std::to_string(i) + "]"; }

bool isObject(const Poco::Dynamic::Var& v) { return v.type() == typeid(Poco::JSON::Object::Ptr); }
bool isArray(const Poco::Dynamic::Var& v) { return v.type() == typeid(Poco::JSON::Array::Ptr); }
// Poco's Var calls a bool numeric; JSON does not.
bool isNumber(const Poco::Dynamic::Var& v) { return v.isNumeric() && !v.isBoolean(); }
bool isBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

JsonReader::JsonReader(Poco::JSON::Object::Ptr object, std::string origin, JsonProblemHandler onProblem,
                       TextPolicy policy)
    : shared_(std::make_shared<Shared>(Shared{std::move(origin), std::move(onProblem), policy})),
      node_(std::make_shared<Node>()) {
  if (!object) throw std::invalid_argument("JsonReader: null object");
  node_->object = std::move(object);
}

JsonReader::JsonReader(std::shared_ptr<Shared> shared, std::shared_ptr<Node> node)
    : shared_(std::move(shared)), node_(std::move(node)) {}

std::optional<JsonReader> JsonReader::parse(const std::string& text, const std::string& origin,
                                            JsonProblemHandler onProblem, TextPolicy policy) {
  Poco::Dynamic::Var root;
  std::string syntax;
  try {
    root = parseJsonText(text);
  } catch (const JsonSyntaxError& e) {
    syntax = e.what();
  }
  // Reported outside the try: a handler's own exception must leave untouched.
  if (!syntax.empty()) {
    onProblem(JsonProblem{"", origin + ": JSON không hợp lệ: " + syntax});
    return std::nullopt;
  }
  if (!isObject(root) || !root.extract<Poco::JSON::Object::Ptr>()) {
    onProblem(JsonProblem{"", origin + ": nội dung phải là một đối tượng JSON {…}"});
    return std::nullopt;
  }
  return JsonReader(root.extract<Poco::JSON::Object::Ptr>(), origin, std::move(onProblem), policy);
}

bool JsonReader::has(const std::string& name) const {
  return node_->object->has(name) && !node_->object->isNull(name);
}

std::vector<std::string> JsonReader::names() const {
  std::vector<std::string> out;
  node_->object->getNames(out);
  return out;
}

std::string JsonReader::path(const std::string& name) const { return join(node_->path, name); }

std::string JsonReader::where(const std::string& name) const {
  const std::string p = path(name);
  return p.empty() ? shared_->origin : shared_->origin + ": " + p;
}

const std::string& JsonReader::origin() const { return shared_->origin; }

const Poco::JSON::Object::Ptr& JsonReader::raw() const { return node_->object; }

void JsonReader::report(const std::string& path, const std::string& problem) {
  shared_->onProblem(JsonProblem{path, shared_->origin + ": " + problem});
}

void JsonReader::fail(const std::string& name, const std::string& message) {
  shared_->onProblem(JsonProblem{path(name), where(name) + ": " + message});
}

void JsonReader::missing(const std::string& name) {
  report(path(name), "thiếu trường bắt buộc " + quoted(path(name)));
}

std::optional<Poco::Dynamic::Var> JsonReader::take(const std::string& name) {
  node_->read.insert(name);
  if (!has(name)) return std::nullopt;
  return node_->object->get(name);
}

JsonReader JsonReader::child(Poco::JSON::Object::Ptr object, const std::string& path) {
  auto node = std::make_shared<Node>();
  node->object = std::move(object);
  node->path = path;
  node_->children.push_back(node);
  return JsonReader(shared_, node);
}

// `subject` names the value in the message: field("a.b") or element("a[2]").
std::optional<std::string> JsonReader::textValue(const Poco::Dynamic::Var& v, const std::string& path,
                                                 const std::string& subject) {
  const bool numbers = shared_->policy == TextPolicy::NumbersAsText;
  std::string raw;
  if (v.isString()) {
    raw = v.extract<std::string>();
  } else if (numbers && isNumber(v)) {
    raw = jsonNumberText(v);
  } else {
    report(path, subject + (numbers ? " phải là chuỗi ký tự hoặc số" : " phải là chuỗi ký tự"));
    return std::nullopt;
  }
  // toNfc validates as it normalises (one pass).
  std::optional<std::string> nfc;
  try {
    nfc = toNfc(raw);
  } catch (const std::invalid_argument&) {
  }
  if (!nfc) report(path, subject + " không phải văn bản UTF-8 hợp lệ");
  return nfc;
}

std::optional<std::string> JsonReader::optionalText(const std::string& name) {
  auto v = take(name);
  if (!v) return std::nullopt;
  return textValue(*v, path(name), field(path(name)));
}

std::string JsonReader::text(const std::string& name) {
  if (!has(name)) {
    take(name);
    missing(name);
    return {};
  }
  std::optional<std::string> s = optionalText(name);
  if (!s) return {};
  if (isBlank(*s)) {
    report(path(name), field(path(name)) + " không được để trống");
    return {};
  }
  return *s;
}

std::optional<std::int64_t> JsonReader::optionalInteger(const std::string& name, std::int64_t lo,
                                                        std::int64_t hi) {
  auto v = take(name);
  if (!v) return std::nullopt;
  const std::string p = path(name);
  const std::string notInteger = field(p) + " phải là số nguyên";
  const std::string outOfRange = notInteger + " từ " + std::to_string(lo) + " đến " + std::to_string(hi);
  if (!isNumber(*v)) {
    report(p, notInteger);
    return std::nullopt;
  }
  std::optional<std::int64_t> n;
  if (v->isInteger()) {
    try {
      n = v->convert<std::int64_t>();
    } catch (const Poco::Exception&) {
    }
  } else {
    const double d = v->convert<double>();
    if (!std::isfinite(d) || std::floor(d) != d) {
      report(p, notInteger);
      return std::nullopt;
    }
    if (d >= -9.2e18 && d <= 9.2e18) n = static_cast<std::int64_t>(d);
  }
  if (!n || *n < lo || *n > hi) {
    report(p, outOfRange);
    return std::nullopt;
  }
  return n;
}

std::int64_t JsonReader::integer(const std::string& name, std::int64_t lo, std::int64_t hi) {
  if (!has(name)) {
    take(name);
    missing(name);
    return 0;
  }
  return optionalInteger(name, lo, hi).value_or(0);
}

std::optional<double> JsonReader::optionalNumber(const std::string& name) {
  auto v = take(name);
  if (!v) return std::nullopt;
  if (!isNumber(*v)) {
    report(path(name), field(path(name)) + " phải là số");
    return std::nullopt;
  }
  return v->convert<double>();
}

std::optional<bool> JsonReader::optionalBoolean(const std::string& name) {
  auto v = take(name);
  if (!v) return std::nullopt;
  if (!v->isBoolean()) {
    report(path(name), field(path(name)) + " phải là true hoặc false");
    return std::nullopt;
  }
  return v->convert<bool>();
}

std::optional<JsonReader> JsonReader::optionalObject(const std::string& name) {
  auto v = take(name);
  if (!v) return std::nullopt;
  if (!isObject(*v)) {
    report(path(name), field(path(name)) + " phải là đối tượng {…}");
    return std::nullopt;
  }
  return child(v->extract<Poco::JSON::Object::Ptr>(), path(name));
}

JsonReader JsonReader::object(const std::string& name) {
  if (!has(name)) {
    take(name);
    missing(name);
  } else if (auto o = optionalObject(name)) {
    return *o;
  }
  // The handler returned: hand out an empty object so that reading can go on.
  return child(new Poco::JSON::Object, path(name));
}

Poco::JSON::Array::Ptr JsonReader::arrayField(const std::string& name, bool required) {
  auto v = take(name);
  if (!v) {
    if (required) missing(name);
    return nullptr;
  }
  if (!isArray(*v)) {
    const std::string p = path(name);
    report(p, field(p) + " phải là mảng […]");
    return nullptr;
  }
  return v->extract<Poco::JSON::Array::Ptr>();
}

std::vector<JsonReader> JsonReader::readObjects(const std::string& name, bool required) {
  std::vector<JsonReader> out;
  const std::string p = path(name);
  const Poco::JSON::Array::Ptr array = arrayField(name, required);
  if (!array) return out;
  for (unsigned i = 0; i < array->size(); ++i) {
    const Poco::Dynamic::Var item = array->get(i);
    if (!isObject(item)) {
      report(indexed(p, i), element(indexed(p, i)) + " phải là đối tượng {…}");
      continue;
    }
    out.push_back(child(item.extract<Poco::JSON::Object::Ptr>(), indexed(p, i)));
  }
  return out;
}

std::vector<JsonReader> JsonReader::objects(const std::string& name) { return readObjects(name, true); }

std::vector<JsonReader> JsonReader::optionalObjects(const std::string& name) { return readObjects(name, false); }

std::vector<std::string> JsonReader::texts(const std::string& name) {
  std::vector<std::string> out;
  const std::string p = path(name);
  const Poco::JSON::Array::Ptr array = arrayField(name, true);
  if (!array) return out;
  for (unsigned i = 0; i < array->size(); ++i) {
    out.push_back(textValue(array->get(i), indexed(p, i), element(indexed(p, i))).value_or(""));
  }
  return out;
}

std::vector<double> JsonReader::numbers(const std::string& name) {
  std::vector<double> out;
  const std::string p = path(name);
  const Poco::JSON::Array::Ptr array = arrayField(name, true);
  if (!array) return out;
  for (unsigned i = 0; i < array->size(); ++i) {
    const Poco::Dynamic::Var item = array->get(i);
    if (!isNumber(item)) {
      report(indexed(p, i), element(indexed(p, i)) + " phải là số");
      out.push_back(0);
      continue;
    }
    out.push_back(item.convert<double>());
  }
  return out;
}

std::vector<std::string> JsonReader::lines(const std::string& name, bool optional) {
  std::vector<std::string> out;
  auto v = take(name);
  const std::string p = path(name);
  if (!v) {
    if (!optional) missing(name);
    return out;
  }
  if (isArray(*v)) {
    auto array = v->extract<Poco::JSON::Array::Ptr>();
    for (unsigned i = 0; i < array->size(); ++i) {
      const Poco::Dynamic::Var item = array->get(i);
      if (!item.isString()) {
        report(indexed(p, i), element(indexed(p, i)) + " phải là chuỗi ký tự");
        return {};
      }
      auto line = textValue(item, indexed(p, i), element(indexed(p, i)));
      if (!line) return {};
      out.push_back(*line);
    }
  } else if (v->isString()) {
    auto s = textValue(*v, p, field(p));
    if (!s) return {};
    size_t start = 0;
    while (true) {
      const size_t nl = s->find('\n', start);
      out.push_back(s->substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  } else {
    report(p, field(p) + " phải là chuỗi ký tự hoặc mảng chuỗi ký tự");
    return {};
  }
  if (out.empty() && !optional) report(p, field(p) + " không được để trống");
  return out;
}

void JsonReader::reportUnread() {
  std::vector<std::shared_ptr<Node>> pending{node_};
  for (size_t n = 0; n < pending.size(); ++n) {
    const std::shared_ptr<Node> node = pending[n];
    std::vector<std::string> names;
    node->object->getNames(names);
    for (const auto& name : names) {
      if (!node->read.count(name)) {
        const std::string p = join(node->path, name);
        report(p, field(p) + " không được hỗ trợ");
      }
    }
    pending.insert(pending.end(), node->children.begin(), node->children.end());
  }
}

}  // namespace thidua
