#include "write/paper.h"

#include <unistd.h>
#include <algorithm>
#include <thread>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "plan/yaml_tree.h"
#include "util/escape.h"
#include "util/files.h"
#include "util/process.h"
#include "write/chart.h"

namespace iact {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

kainjow::mustache::data to_mustache(const json& j) {
  using kainjow::mustache::data;
  switch (j.type()) {
    case json::value_t::object: {
      data d{data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, to_mustache(v));
      return d;
    }
    case json::value_t::array: {
      data d{data::type::list};
      for (const auto& v : j) d.push_back(to_mustache(v));
      return d;
    }
    case json::value_t::string:
      return data{j.get<std::string>()};
    case json::value_t::boolean:
      return data{j.get<bool>() ? data::type::bool_true : data::type::bool_false};
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return data{j.dump()};
    default:
      return data{data::type::bool_false};
  }
}

}  // namespace

std::optional<std::string> render_markdown_template(const std::string& tmpl, const json& context,
                                                    std::string& error) {
  kainjow::mustache::mustache m{tmpl};
  if (!m.is_valid()) {
    error = m.error_message();
    return std::nullopt;
  }
  m.set_custom_escape([](const std::string& s) { return escape_markdown(s); });
  std::string out = m.render(to_mustache(context));
  if (!m.is_valid()) {
    error = m.error_message();
    return std::nullopt;
  }
  return out;
}

std::vector<GlossaryEntry> load_glossary(const fs::path& file, Diagnostics& diags) {
  std::vector<GlossaryEntry> entries;
  const std::string shown = file.string();
  FileRead read = read_file(file, kMaxPlanFileBytes);
  if (!read.bytes) {
    diags.add(shown, {}, "file-unreadable",
              fmt::format("cannot read the glossary: {}", read.error));
    return entries;
  }
  std::optional<YamlNode> root = parse_yaml(*read.bytes, shown, diags);
  if (!root) return entries;
  const YamlEntry* terms = root->is_map() ? root->find("terms") : nullptr;
  if (!terms || !terms->value->is_map()) {
    diags.add(shown, root->pos, "wrong-type",
              "the glossary must have `terms:`, a mapping of each abbreviation to its meaning",
              "write `terms:` and under it lines such as `  DNA: Did not attend`");
    return entries;
  }
  for (const YamlEntry& e : terms->value->entries) {
    if (!e.value->is_scalar()) {
      diags.add(shown, e.value->pos, "wrong-type",
                fmt::format("the meaning of '{}' must be text", e.key));
      continue;
    }
    entries.push_back(GlossaryEntry{e.key, e.value->scalar});
  }
  return entries;
}

std::vector<std::string> abbreviations_in(const std::string& text) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto part = [&](char c) { return upper(c) || (c >= '0' && c <= '9') || c == '&' || c == '+'; };
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  std::vector<std::string> found;
  size_t i = 0;
  while (i < text.size()) {
    if (!upper(text[i]) || (i > 0 && (word(text[i - 1]) || text[i - 1] == '-'))) {
      ++i;
      continue;
    }
    // A short name in mixed case, such as RiO or PhD: capital, small letter, capital.
    if (i + 2 < text.size() && text[i + 1] >= 'a' && text[i + 1] <= 'z' && upper(text[i + 2]) &&
        (i + 3 >= text.size() || (!word(text[i + 3]) && text[i + 3] != '-'))) {
      const std::string token = text.substr(i, 3);
      if (std::find(found.begin(), found.end(), token) == found.end()) found.push_back(token);
      i += 3;
      continue;
    }
    size_t end = i;
    while (end < text.size() && part(text[end])) ++end;
    std::string token = text.substr(i, end - i);
    while (!token.empty() && (token.back() == '&' || token.back() == '+')) {
      if (token.back() == '+' && token.size() > 1) break;  // DIALOG+ is a name
      token.pop_back();
    }
    const size_t after = i + token.size();
    i = end;
    // Two capitals or more, and a word of its own: not part of an id (SMI-06, Q2), nor
    // followed by lower case (a capitalised word such as "NHSmail").
    int capitals = 0, digits = 0;
    for (char c : token) {
      capitals += upper(c) ? 1 : 0;
      digits += c >= '0' && c <= '9' ? 1 : 0;
    }
    if (capitals < 2 || digits > 0) continue;  // a reference such as NG225 is not one
    if (after < text.size() && (text[after] == '-' || text[after] == '_')) continue;
    if (after < text.size() && word(text[after]) &&
        !(text[after] == 's' && (after + 1 >= text.size() || !word(text[after + 1]))))
      continue;
    if (std::find(found.begin(), found.end(), token) == found.end()) found.push_back(token);
  }
  return found;
}

json full_paper_context(const SystemView& view, const std::string& tmpl,
                        const std::vector<GlossaryEntry>& glossary, std::string& error) {
  json context = paper_context(view, PaperSettings{kChartFile});
  std::optional<std::string> first = render_markdown_template(tmpl, context, error);
  if (!first) return context;
  // A plan's own glossary, then the house glossary, then the organisations' short names:
  // the first meaning of a term wins, so a plan can say what it means by one.
  std::vector<GlossaryEntry> candidates;
  for (const OrgView& org : view.orgs) {
    for (const auto& [term, meaning] : org.plan->glossary) {
      candidates.push_back(GlossaryEntry{term, meaning});
    }
  }
  candidates.insert(candidates.end(), glossary.begin(), glossary.end());
  for (const OrgView& org : view.orgs) {
    if (org.label != org.name) candidates.push_back(GlossaryEntry{org.label, org.name});
    for (const Partner& p : org.plan->partners) {
      if (!p.name.empty()) candidates.push_back(GlossaryEntry{p.short_name.value, p.name});
    }
  }
  std::vector<GlossaryEntry> unique;
  for (const GlossaryEntry& e : candidates) {
    if (std::none_of(unique.begin(), unique.end(),
                     [&](const GlossaryEntry& u) { return u.term == e.term; }))
      unique.push_back(e);
  }
  candidates = std::move(unique);
  // Markdown escapes punctuation; look for terms in the text as a reader sees it.
  std::string plain;
  plain.reserve(first->size());
  for (size_t i = 0; i < first->size(); ++i) {
    if ((*first)[i] == '\\' && i + 1 < first->size()) ++i;
    plain += (*first)[i];
  }
  json terms = json::array();
  for (const GlossaryEntry& e : terms_used(candidates, plain)) {
    terms.push_back({{"term", e.term}, {"meaning", e.meaning}});
  }
  // The abbreviations the paper uses that nothing defines: the commands warn of each.
  json undefined = json::array();
  for (const std::string& token : abbreviations_in(plain)) {
    const bool defined = std::any_of(candidates.begin(), candidates.end(), [&](const auto& e) {
      return e.term == token || e.term + "s" == token;
    });
    if (!defined) undefined.push_back(token);
  }
  context["has_glossary"] = !terms.empty();
  context["glossary"] = std::move(terms);
  context["undefined_abbreviations"] = std::move(undefined);
  return context;
}

std::string missing_programs(const std::vector<std::string>& formats) {
  const bool needs_pandoc =
      std::any_of(formats.begin(), formats.end(), [](const std::string& f) { return f != "md"; });
  const bool needs_weasyprint = std::find(formats.begin(), formats.end(), "pdf") != formats.end();
  if (needs_pandoc && !program_on_path("pandoc")) {
    return "pandoc is not installed, and DOCX, HTML and PDF papers are made with it; install "
           "it (apt-get install pandoc, or scripts/setup.sh), or ask for Markdown only with "
           "--to md";
  }
  if (needs_weasyprint && !program_on_path("weasyprint")) {
    return "weasyprint is not installed, and PDF papers are made with it; install it "
           "(apt-get install weasyprint, or scripts/setup.sh), or leave pdf out of --to";
  }
  return "";
}

namespace {

struct PandocRun {
  std::string format;
  fs::path target;
  fs::path partial;
  ProcessResult result;
};

std::vector<std::string> pandoc_args(const PandocRun& run, const PaperJob& job,
                                     const fs::path& markdown, const std::string& title) {
  std::vector<std::string> args = {"pandoc",
                                   markdown.string(),
                                   "--from=markdown",
                                   "--metadata=title:" + title,
                                   "--metadata=lang:en-GB",
                                   "--resource-path=" + markdown.parent_path().string(),
                                   "--output=" + fs::absolute(run.partial).string()};
  const fs::path css = fs::absolute(job.templates->dir / kPaperCss);
  if (run.format == "docx") {
    args.push_back("--to=docx");
    args.push_back("--reference-doc=" + fs::absolute(job.templates->dir / kReferenceDocx).string());
  } else if (run.format == "html") {
    args.insert(args.end(),
                {"--to=html5", "--standalone", "--self-contained", "--css=" + css.string()});
  } else if (run.format == "pdf") {
    args.insert(args.end(),
                {"--to=html5", "--standalone", "--css=" + css.string(), "--pdf-engine=weasyprint"});
  }
  return args;
}

// The first lines of a program's error output, for a message.
std::string first_lines(const std::string& text, int lines = 6) {
  size_t at = 0;
  for (int i = 0; i < lines && at != std::string::npos; ++i) {
    at = text.find('\n', at == 0 ? 0 : at + 1);
  }
  return at == std::string::npos ? text : text.substr(0, at) + "\n...";
}

}  // namespace

std::optional<PaperTemplates> load_paper_templates(const fs::path& dir, Diagnostics& diags,
                                                   std::string& error) {
  const fs::path template_file = dir / kPaperTemplate;
  FileRead tmpl = read_file(template_file, kMaxPlanFileBytes);
  if (!tmpl.bytes) {
    error =
        fmt::format("cannot read the paper template {}: {}", template_file.string(), tmpl.error);
    return std::nullopt;
  }
  PaperTemplates templates{dir, std::move(*tmpl.bytes), {}};
  if (fs::exists(dir / kGlossary)) templates.glossary = load_glossary(dir / kGlossary, diags);
  return templates;
}

PaperResult write_paper(const SystemView& view, const PaperJob& job) {
  PaperResult result;
  const PaperTemplates& templates = *job.templates;
  std::string error;
  json context = full_paper_context(view, templates.markdown, templates.glossary, error);
  for (const auto& t : context.value("undefined_abbreviations", json::array()))
    result.undefined_abbreviations.push_back(t.get<std::string>());
  std::optional<std::string> markdown;
  if (error.empty()) markdown = render_markdown_template(templates.markdown, context, error);
  if (!markdown) {
    result.error = fmt::format("{}: {}", (templates.dir / kPaperTemplate).string(), error);
    return result;
  }
  std::error_code ec;
  fs::create_directories(job.out_dir, ec);
  if (ec) {
    result.error = fmt::format("cannot create {}: {}", job.out_dir.string(), ec.message());
    return result;
  }
  // Pandoc reads the Markdown and the chart from a private work folder beside the outputs.
  std::optional<fs::path> work = make_work_dir(job.out_dir, job.basename, error);
  if (!work) {
    result.error = error;
    return result;
  }
  // The pictures the Markdown refers to: the BRAG chart, the trend and each
  // measure's line.
  std::vector<std::pair<std::string, std::string>> images = {{kChartFile, brag_chart_svg(view)}};
  if (view.shows_trend())
    images.emplace_back(kTrendChartFile, trend_chart_svg(view.trend, "reporting period"));
  for (size_t i = 0; i < view.measures.size(); ++i)
    images.emplace_back(measure_chart_file(i), measure_chart_svg(view.measures[i]));
  const fs::path md_work = *work / (job.basename + ".md");
  bool written = write_file_atomic(md_work, *markdown, error);
  for (const auto& [name, svg] : images)
    written = written && write_file_atomic(*work / name, svg, error);
  if (!written) {
    remove_work_dir(*work);
    result.error = error;
    return result;
  }

  std::vector<PandocRun> runs;
  for (const std::string& format : job.formats) {
    if (format == "md") continue;
    const fs::path target = job.out_dir / (job.basename + "." + format);
    runs.push_back(PandocRun{format, target, partial_path_for(target), {}});
  }
  const std::string title = context["title"].get<std::string>();
  const std::vector<std::pair<std::string, std::string>> env = {
      {"SOURCE_DATE_EPOCH", std::to_string(job.source_date_epoch)}};
  std::vector<std::thread> threads;
  for (PandocRun& run : runs) {
    threads.emplace_back([&run, &job, &md_work, &title, &env] {
      const fs::path md = fs::absolute(md_work);
      if (job.slots) job.slots->acquire();
      ProcessOptions process;
      process.env = env;
      process.cwd = md.parent_path();
      process.timeout_seconds = job.timeout_seconds;
      run.result = run_process(pandoc_args(run, job, md, title), process);
      if (job.slots) job.slots->release();
    });
  }
  for (std::thread& t : threads) t.join();

  for (PandocRun& run : runs) {
    if (run.result.started && run.result.exit_code == 0 && fs::exists(run.partial)) {
      if (commit_partial(run.partial, run.target, error)) {
        result.written.push_back(run.target);
        continue;
      }
    } else if (run.result.timed_out) {
      error = fmt::format(
          "pandoc did not finish {} within {} s and was stopped (raise --timeout if the paper "
          "is very large)",
          run.target.string(), job.timeout_seconds);
    } else {
      error = run.result.started
                  ? fmt::format("pandoc failed to make {} (exit {}):\n{}", run.target.string(),
                                run.result.exit_code, first_lines(run.result.error))
                  : fmt::format("cannot run pandoc: {}", run.result.error);
    }
    discard_partial(run.partial);
    // An older paper in this format would now look current; it goes too.
    remove_stale_output(run.target);
    if (result.error.empty()) result.error = error;
  }
  if (std::find(job.formats.begin(), job.formats.end(), "md") != job.formats.end()) {
    const fs::path md = job.out_dir / (job.basename + ".md");
    bool ok = write_file_atomic(md, *markdown, error);
    for (const auto& [name, svg] : images)
      ok = ok && write_file_atomic(job.out_dir / name, svg, error);
    if (ok) {
      result.written.push_back(md);
    } else if (result.error.empty()) {
      result.error = error;
    }
  }
  remove_work_dir(*work);
  std::sort(result.written.begin(), result.written.end());
  return result;
}

}  // namespace iact
