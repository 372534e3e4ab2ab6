// Standard output that knows whether it was written. A report printed to a full disk, a
// closed descriptor or a device that refuses it must not pass as written: a CI job would
// upload an empty or cut-off file as the report.
#pragma once

#include <streambuf>
#include <string>

namespace iact {

// While it lives, std::cout writes through it to file descriptor 1: in blocks of 64 KiB,
// or at each output on a terminal, as stdio would. It remembers the first write that failed
// and why, and writes nothing after it.
class CheckedStandardOutput : public std::streambuf {
 public:
  CheckedStandardOutput();
  ~CheckedStandardOutput() override;
  CheckedStandardOutput(const CheckedStandardOutput&) = delete;
  CheckedStandardOutput& operator=(const CheckedStandardOutput&) = delete;

  // Writes what is buffered; returns why a write failed ("No space left on device"), or ""
  // if everything reached standard output.
  std::string finish();

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  bool write_buffer();

  static constexpr size_t kSize = 64 * 1024;
  char buffer_[kSize];
  int error_ = 0;  // errno of the first failed write
  std::streambuf* previous_;
};

}  // namespace iact
