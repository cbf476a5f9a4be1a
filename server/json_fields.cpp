#include "server/json_fields.h"

namespace thidua::server {
namespace {

constexpr const char* kOrigin = "Nội dung yêu cầu";

wf::Error validation(const JsonProblem& problem) {
  return wf::makeError(wf::ErrorCode::Validation, problem.message, problem.path);
}

}  // namespace

JsonFields::JsonFields(JsonReader reader, std::shared_ptr<State> state)
    : reader_(std::move(reader)), state_(std::move(state)) {}

wf::Result<JsonFields> JsonFields::parse(const std::string& text) {
  auto state = std::make_shared<State>();
  auto remember = [state](const JsonProblem& p) {
    if (!state->first) state->first = p;
  };
  std::optional<JsonReader> reader = JsonReader::parse(text, kOrigin, remember);
  if (!reader) return validation(*state->first);
  return JsonFields(std::move(*reader), state);
}

std::vector<JsonFields> JsonFields::wrap(std::vector<JsonReader> readers) const {
  std::vector<JsonFields> out;
  for (JsonReader& r : readers) out.push_back(JsonFields(std::move(r), state_));
  return out;
}

std::vector<JsonFields> JsonFields::objects(const std::string& name) { return wrap(reader_.objects(name)); }

std::vector<JsonFields> JsonFields::optionalObjects(const std::string& name) {
  return wrap(reader_.optionalObjects(name));
}

std::optional<JsonFields> JsonFields::optionalObject(const std::string& name) {
  std::optional<JsonReader> o = reader_.optionalObject(name);
  if (!o) return std::nullopt;
  return JsonFields(std::move(*o), state_);
}

wf::Status JsonFields::finish() {
  if (!state_->first) reader_.reportUnread();
  if (state_->first) return validation(*state_->first);
  return {};
}

}  // namespace thidua::server
