#include "util/output.h"

#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <iostream>

namespace iact {

CheckedStandardOutput::CheckedStandardOutput() : previous_(std::cout.rdbuf(this)) {
  setp(buffer_, buffer_ + kSize);
  if (isatty(STDOUT_FILENO)) std::cout.setf(std::ios::unitbuf);  // a person is reading
}

CheckedStandardOutput::~CheckedStandardOutput() {
  write_buffer();
  std::cout.rdbuf(previous_);
}

std::string CheckedStandardOutput::finish() {
  write_buffer();
  return error_ == 0 ? std::string() : std::strerror(error_);
}

CheckedStandardOutput::int_type CheckedStandardOutput::overflow(int_type c) {
  if (!write_buffer()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

int CheckedStandardOutput::sync() {
  return write_buffer() ? 0 : -1;
}

bool CheckedStandardOutput::write_buffer() {
  const char* next = pbase();
  while (error_ == 0 && next < pptr()) {
    const ssize_t n = ::write(STDOUT_FILENO, next, static_cast<size_t>(pptr() - next));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = n < 0 ? errno : EIO;
      break;
    }
    next += n;
  }
  setp(buffer_, buffer_ + kSize);  // after a failure, what was buffered is dropped
  return error_ == 0;
}

}  // namespace iact
