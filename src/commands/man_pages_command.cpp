// `iact man-pages -o DIR` (hidden: the build runs it): iact.1 and iact-COMMAND.1 for each
// command, written from the command line's own definition, for `cmake --install`.
#include <iostream>

#include "cli/cli_model.h"
#include "cli/man_page.h"
#include "commands/commands.h"
#include "util/files.h"

namespace iact {

int run_man_pages(const ManPagesOptions& options, CliModel cli, const CommonOptions& common) {
  cli.date = common.source_date_epoch ? Date::from_days(*common.source_date_epoch / 86400).iso()
                                      : options.commit_date;
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) {
    std::cerr << "iact: cannot make " << options.out_dir << ": " << ec.message() << '\n';
    return kExitUsage;
  }
  for (const ManPage& page : man_pages(cli)) {
    std::string error;
    if (!write_file_atomic(std::filesystem::path(options.out_dir) / page.file, page.text, error)) {
      std::cerr << "iact: " << error << '\n';
      return kExitUsage;
    }
  }
  return kExitOk;
}

}  // namespace iact
