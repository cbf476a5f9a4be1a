#include "server/json_fields.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <set>

#include "generators/common/unicode.h"

namespace thidua::server {

struct JsonFields::Node {
  Poco::JSON::Object::Ptr object;
  std::string prefix;
  std::set<std::string> read;
};

struct JsonFields::State {
  std::optional<wf::Error> first;
  std::vector<std::shared_ptr<Node>> nodes;
};

JsonFields::JsonFields(std::shared_ptr<State> state, std::shared_ptr<Node> node)
    : state_(std::move(state)), node_(std::move(node)) {}

wf::Result<JsonFields> JsonFields::parse(const std::string& text) {
  Poco::Dynamic::Var root;
  try {
    Poco::JSON::Parser parser;
    root = parser.parse(text);
  } catch (const std::exception&) {
    return wf::makeError(wf::ErrorCode::Validation, "Nội dung yêu cầu không phải JSON hợp lệ.");
  }
  if (root.type() != typeid(Poco::JSON::Object::Ptr)) {
    return wf::makeError(wf::ErrorCode::Validation, "Nội dung yêu cầu phải là một đối tượng JSON.");
  }
  auto state = std::make_shared<State>();
  auto node = std::make_shared<Node>();
  node->object = root.extract<Poco::JSON::Object::Ptr>();
  state->nodes.push_back(node);
  return JsonFields(state, node);
}

std::string JsonFields::path(const std::string& name) const { return node_->prefix + name; }

void JsonFields::fail(const std::string& name, const std::string& message) {
  if (!state_->first) state_->first = wf::makeError(wf::ErrorCode::Validation, message, path(name));
}

std::optional<Poco::Dynamic::Var> JsonFields::take(const std::string& name) {
  node_->read.insert(name);
  if (!node_->object->has(name) || node_->object->isNull(name)) return std::nullopt;
  return node_->object->get(name);
}

std::optional<std::string> JsonFields::optionalText(const std::string& name) {
  auto v = take(name);
  if (!v) return std::nullopt;
  if (!v->isString()) {
    fail(name, "Trường '" + path(name) + "' phải là một chuỗi.");
    return std::nullopt;
  }
  const std::string raw = v->extract<std::string>();
  if (!isValidUtf8(raw)) {
    fail(name, "Trường '" + path(name) + "' không phải văn bản UTF-8 hợp lệ.");
    return std::nullopt;
  }
  return toNfc(raw);
}

std::string JsonFields::text(const std::string& name) {
  const bool present = node_->object->has(name) && !node_->object->isNull(name);
  auto v = optionalText(name);
  if (!present) {
    fail(name, "Thiếu trường bắt buộc '" + path(name) + "'.");
    return {};
  }
  if (v && v->find_first_not_of(" \t\r\n") == std::string::npos) {
    fail(name, "Trường '" + path(name) + "' không được để trống.");
  }
  return v.value_or("");
}

std::optional<std::int64_t> JsonFields::optionalInteger(const std::string& name) {
  auto v = take(name);
  if (!v) return std::nullopt;
  if (!v->isInteger() || v->isBoolean()) {
    fail(name, "Trường '" + path(name) + "' phải là một số nguyên.");
    return std::nullopt;
  }
  try {
    return v->convert<std::int64_t>();
  } catch (const std::exception&) {
    fail(name, "Trường '" + path(name) + "' nằm ngoài khoảng cho phép.");
    return std::nullopt;
  }
}

std::int64_t JsonFields::integer(const std::string& name) {
  const bool present = node_->object->has(name) && !node_->object->isNull(name);
  auto v = optionalInteger(name);
  if (!present) fail(name, "Thiếu trường bắt buộc '" + path(name) + "'.");
  return v.value_or(0);
}

std::optional<bool> JsonFields::optionalBoolean(const std::string& name) {
  auto v = take(name);
  if (!v) return std::nullopt;
  if (!v->isBoolean()) {
    fail(name, "Trường '" + path(name) + "' phải là true hoặc false.");
    return std::nullopt;
  }
  return v->extract<bool>();
}

std::vector<JsonFields> JsonFields::readObjects(const std::string& name, bool required) {
  std::vector<JsonFields> out;
  auto v = take(name);
  if (!v) {
    if (required) fail(name, "Thiếu trường bắt buộc '" + path(name) + "'.");
    return out;
  }
  if (v->type() != typeid(Poco::JSON::Array::Ptr)) {
    fail(name, "Trường '" + path(name) + "' phải là một mảng.");
    return out;
  }
  auto array = v->extract<Poco::JSON::Array::Ptr>();
  for (unsigned i = 0; i < array->size(); ++i) {
    const std::string itemPath = path(name) + "[" + std::to_string(i) + "]";
    Poco::Dynamic::Var item = array->get(i);
    if (item.type() != typeid(Poco::JSON::Object::Ptr)) {
      if (!state_->first) {
        state_->first = wf::makeError(wf::ErrorCode::Validation, "Phần tử '" + itemPath + "' phải là một đối tượng.", itemPath);
      }
      continue;
    }
    auto node = std::make_shared<Node>();
    node->object = item.extract<Poco::JSON::Object::Ptr>();
    node->prefix = itemPath + ".";
    state_->nodes.push_back(node);
    out.push_back(JsonFields(state_, node));
  }
  return out;
}

std::vector<JsonFields> JsonFields::objects(const std::string& name) { return readObjects(name, true); }

std::vector<JsonFields> JsonFields::optionalObjects(const std::string& name) { return readObjects(name, false); }

std::optional<JsonFields> JsonFields::optionalObject(const std::string& name) {
  auto v = take(name);
  if (!v) return std::nullopt;
  if (v->type() != typeid(Poco::JSON::Object::Ptr)) {
    fail(name, "Trường '" + path(name) + "' phải là một đối tượng.");
    return std::nullopt;
  }
  auto node = std::make_shared<Node>();
  node->object = v->extract<Poco::JSON::Object::Ptr>();
  node->prefix = path(name) + ".";
  state_->nodes.push_back(node);
  return JsonFields(state_, node);
}

wf::Status JsonFields::finish() const {
  if (state_->first) return *state_->first;
  for (const auto& node : state_->nodes) {
    std::vector<std::string> names;
    node->object->getNames(names);
    for (const auto& name : names) {
      if (!node->read.count(name)) {
        const std::string p = node->prefix + name;
        return wf::makeError(wf::ErrorCode::Validation, "Trường '" + p + "' không được hỗ trợ.", p);
      }
    }
  }
  return {};
}

}  // namespace thidua::server
