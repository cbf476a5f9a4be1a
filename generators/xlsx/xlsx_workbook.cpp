#include "generators/xlsx/xlsx_workbook.h"

#include <unistd.h>

#include <cstdio>
#include <stdexcept>

namespace thidua::xlsx {

Workbook::Workbook(const std::string& path, bool constantMemory)
    : path_(path), temp_(path + ".tmp" + std::to_string(::getpid())) {
  lxw_workbook_options options{};
  options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = nullptr;
  options.use_zip64 = LXW_FALSE;
  wb_ = workbook_new_opt(temp_.c_str(), &options);
  if (!wb_) throw std::runtime_error("không tạo được tệp " + path_);
}

Workbook::~Workbook() {
  if (wb_) {
    workbook_close(wb_);
    std::remove(temp_.c_str());
  }
}

void Workbook::setProperties(const std::string& title, const std::string& company, std::time_t created) {
  title_ = title;
  company_ = company;
  lxw_doc_properties props{};
  props.title = const_cast<char*>(title_.c_str());
  props.author = const_cast<char*>("thidua");
  props.company = const_cast<char*>(company_.c_str());
  props.created = created;
  if (workbook_set_properties(wb_, &props) != LXW_NO_ERROR) {
    throw std::runtime_error("không ghi được thuộc tính của tệp " + path_);
  }
}

lxw_worksheet* Workbook::addSheet(const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (!ws) throw std::runtime_error("tên trang tính không hợp lệ: " + name);
  return ws;
}

void Workbook::commit() {
  lxw_workbook* wb = wb_;
  wb_ = nullptr;
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(temp_.c_str());
    throw std::runtime_error("không ghi được tệp " + path_ + ": " + lxw_strerror(err));
  }
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    std::remove(temp_.c_str());
    throw std::runtime_error("không ghi được tệp " + path_);
  }
}

}  // namespace thidua::xlsx
