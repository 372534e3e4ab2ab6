#include "plan/reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "util/edit_distance.h"
#include "util/text.h"

namespace iact {

namespace {

std::string article(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  return fmt::format("{} {}", vowel ? "an" : "a", noun);
}

bool is_id_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
}

// `not-stated`, however capitalised, with a hyphen or a space.
bool says_not_stated(const YamlNode& n) {
  if (!n.is_scalar()) return false;
  std::string word = lowercase(n.scalar);
  std::replace(word.begin(), word.end(), ' ', '-');
  return word == kNotStated;
}

}  // namespace

FieldReader::FieldReader(const YamlNode& node, const ObjectDef& def, const std::string& file,
                         Diagnostics& diags)
    : def_(&def), file_(&file), diags_(&diags), pos_(node.pos) {
  if (!node.is_map()) {
    diags.add(file, node.pos, "wrong-type",
              fmt::format("{} must be a mapping of `key: value` lines, not {}", article(def.name),
                          describe(node)));
    return;
  }
  map_ = &node;
  std::vector<std::string> known;
  for (const FieldDef& f : def.fields) known.emplace_back(f.name);
  std::vector<std::string> suggested;  // a misspelt required key is one problem, not two
  for (const YamlEntry& e : node.entries) {
    if (def.any_keys || def.field(e.key)) continue;
    std::string hint;
    if (auto near = closest_match(e.key, known)) {
      hint = fmt::format("did you mean '{}'?", *near);
      suggested.push_back(*near);
    } else {
      std::vector<std::string_view> names;
      for (const FieldDef& f : def.fields) names.push_back(f.name);
      hint = fmt::format("{} may have: {}", article(def.name), join(names));
    }
    diags.add(file, e.key_pos, "unknown-key",
              fmt::format("unknown key '{}' in {}", e.key, article(def.name)), hint);
  }
  for (const FieldDef& f : def.fields) {
    if (!f.required) continue;
    const YamlEntry* e = node.find(f.name);
    if (!e && std::find(suggested.begin(), suggested.end(), f.name) != suggested.end()) continue;
    if (!e) {
      diags.add(file, node.pos, "missing-field",
                fmt::format("{} needs '{}'", article(def.name), f.name),
                fmt::format("add `{}:` ({})", f.name, f.doc));
    } else if (e->value->is_null()) {
      diags.add(file, e->key_pos, "missing-field",
                fmt::format("'{}' is empty; {} needs a value here", f.name, article(def.name)),
                std::string(f.doc));
    } else if (e->value->is_sequence() && e->value->items.empty()) {
      diags.add(
          file, e->value->pos, "missing-field",
          fmt::format("'{}' is an empty list; {} needs at least one", f.name, article(def.name)),
          std::string(f.doc));
    }
  }
}

const FieldDef& FieldReader::def(std::string_view name, FieldType expected) const {
  const FieldDef* f = def_->field(name);
  if (!f || f->type != expected) {
    std::fprintf(stderr, "internal error: field '%.*s' of %.*s read with the wrong type\n",
                 static_cast<int>(name.size()), name.data(), static_cast<int>(def_->name.size()),
                 def_->name.data());
    std::abort();
  }
  return *f;
}

const YamlEntry* FieldReader::entry(std::string_view name) const {
  if (!map_) return nullptr;
  const YamlEntry* e = map_->find(name);
  if (!e || e->value->is_null()) return nullptr;
  const FieldDef* f = def_->field(name);
  if (f && f->may_be_not_stated && says_not_stated(*e->value)) return nullptr;
  return e;
}

NotStated FieldReader::not_stated() const {
  NotStated out;
  if (!map_) return out;
  for (const FieldDef& f : def_->fields) {
    const YamlEntry* e = f.may_be_not_stated ? map_->find(f.name) : nullptr;
    if (e && says_not_stated(*e->value))
      out.keys.push_back(Located<std::string>{std::string(f.name), e->value->pos});
  }
  return out;
}

const YamlNode* FieldReader::value(std::string_view name) const {
  const YamlEntry* e = entry(name);
  return e ? e->value.get() : nullptr;
}

Pos FieldReader::key_pos(std::string_view name) const {
  const YamlEntry* e = map_ ? map_->find(name) : nullptr;
  return e ? e->key_pos : pos_;
}

void FieldReader::wrong_type(const FieldDef& f, const YamlNode& n, std::string_view wanted) const {
  diags_->add(*file_, n.pos, "wrong-type",
              fmt::format("'{}' must be {}, not {}", f.name, wanted, describe(n)),
              std::string(f.doc));
}

std::optional<Located<std::string>> FieldReader::text(std::string_view name) const {
  const FieldDef& f = def(name, FieldType::kText);
  const YamlEntry* e = entry(name);
  if (!e) return std::nullopt;
  const YamlNode& n = *e->value;
  if (!n.is_scalar()) {
    wrong_type(f, n, "text");
    return std::nullopt;
  }
  if (f.is_id) {
    auto bad = std::find_if_not(n.scalar.begin(), n.scalar.end(), is_id_char);
    if (n.scalar.empty() || bad != n.scalar.end()) {
      diags_->add(*file_, n.pos, "invalid-id",
                  fmt::format("id '{}' may use only letters, digits, '.', '_' and '-'", n.scalar),
                  "e.g. GOV-01");
      return std::nullopt;
    }
  }
  return Located<std::string>{n.scalar, n.pos};
}

std::optional<Located<int>> FieldReader::integer(std::string_view name) const {
  const FieldDef& f = def(name, FieldType::kInteger);
  const YamlEntry* e = entry(name);
  if (!e) return std::nullopt;
  const YamlNode& n = *e->value;
  int value = 0;
  const char* first = n.scalar.data();
  const char* last = first + n.scalar.size();
  auto [ptr, ec] = std::from_chars(first, last, value);
  if (!n.is_scalar() || n.quoted || ec != std::errc() || ptr != last) {
    wrong_type(f, n, "a whole number");
    return std::nullopt;
  }
  if (f.max > f.min && (value < f.min || value > f.max)) {
    diags_->add(*file_, n.pos, "out-of-range",
                fmt::format("'{}' is {}; it must be from {} to {}", f.name, value, f.min, f.max),
                std::string(f.doc));
    return std::nullopt;
  }
  return Located<int>{value, n.pos};
}

std::optional<Located<double>> FieldReader::number(std::string_view name) const {
  const FieldDef& f = def(name, FieldType::kNumber);
  const YamlEntry* e = entry(name);
  if (!e) return std::nullopt;
  const YamlNode& n = *e->value;
  char* end = nullptr;
  const double value = n.is_scalar() && !n.quoted ? std::strtod(n.scalar.c_str(), &end) : 0;
  if (!n.is_scalar() || n.quoted || n.scalar.empty() || end != n.scalar.c_str() + n.scalar.size() ||
      !std::isfinite(value)) {
    wrong_type(f, n, "a number");
    return std::nullopt;
  }
  return Located<double>{value, n.pos};
}

std::optional<Located<bool>> FieldReader::boolean(std::string_view name) const {
  const FieldDef& f = def(name, FieldType::kBoolean);
  const YamlEntry* e = entry(name);
  if (!e) return std::nullopt;
  const YamlNode& n = *e->value;
  const std::string v = lowercase(n.scalar);
  if (n.is_scalar() && !n.quoted && (v == "true" || v == "yes")) return Located<bool>{true, n.pos};
  if (n.is_scalar() && !n.quoted && (v == "false" || v == "no")) return Located<bool>{false, n.pos};
  wrong_type(f, n, "true or false");
  return std::nullopt;
}

std::optional<Located<Date>> FieldReader::date(std::string_view name) const {
  const FieldDef& f = def(name, FieldType::kDate);
  const YamlEntry* e = entry(name);
  if (!e) return std::nullopt;
  const YamlNode& n = *e->value;
  if (!n.is_scalar()) {
    wrong_type(f, n, "a date");
    return std::nullopt;
  }
  auto parsed = parse_date(n.scalar);
  if (auto* error = std::get_if<DateError>(&parsed)) {
    diags_->add(*file_, n.pos, "invalid-date", fmt::format("'{}': {}", f.name, error->message),
                error->hint);
    return std::nullopt;
  }
  return Located<Date>{std::get<Date>(parsed), n.pos};
}

std::optional<Located<Due>> FieldReader::due(std::string_view name) const {
  const FieldDef& f = def(name, FieldType::kDue);
  const YamlEntry* e = entry(name);
  if (!e) return std::nullopt;
  const YamlNode& n = *e->value;
  if (!n.is_scalar()) {
    wrong_type(f, n, "a date, tbc or ongoing");
    return std::nullopt;
  }
  auto parsed = parse_due(n.scalar);
  if (auto* error = std::get_if<DateError>(&parsed)) {
    diags_->add(*file_, n.pos, "invalid-date", fmt::format("'{}': {}", f.name, error->message),
                error->hint);
    return std::nullopt;
  }
  return Located<Due>{std::get<Due>(parsed), n.pos};
}

std::optional<Located<std::string>> FieldReader::checked_choice(const FieldDef& f,
                                                                const YamlNode& n) const {
  if (!n.is_scalar()) {
    wrong_type(f, n, fmt::format("one of: {}", join(f.choices)));
    return std::nullopt;
  }
  for (std::string_view c : f.choices) {
    if (n.scalar == c) return Located<std::string>{n.scalar, n.pos};
  }
  std::vector<std::string> options(f.choices.begin(), f.choices.end());
  if (f.may_be_not_stated) options.emplace_back(kNotStated);
  std::optional<std::string> near;
  const std::string folded = lowercase(n.scalar);
  for (const Synonym& s : f.synonyms) {
    if (folded == s.written) near = std::string(s.meant);
  }
  if (!near) near = closest_match(n.scalar, options);
  diags_->add(
      *file_, n.pos, "invalid-value", fmt::format("'{}' is not a valid {}", n.scalar, f.name),
      near ? fmt::format("did you mean '{}'? ({} is one of: {})", *near, f.name, join(options))
           : fmt::format("{} is one of: {}", f.name, join(options)));
  return std::nullopt;
}

std::optional<Located<std::string>> FieldReader::choice(std::string_view name) const {
  const FieldDef& f = def(name, FieldType::kChoice);
  const YamlEntry* e = entry(name);
  if (!e) return std::nullopt;
  return checked_choice(f, *e->value);
}

std::string FieldReader::text_or_empty(std::string_view name) const {
  auto t = text(name);
  return t ? t->value : std::string();
}

std::vector<Located<std::string>> FieldReader::texts(std::string_view name) const {
  const FieldDef* f = def_->field(name);
  const FieldDef& checked =
      f && f->type == FieldType::kChoiceList ? *f : def(name, FieldType::kTextList);
  std::vector<Located<std::string>> out;
  const YamlEntry* e = entry(name);
  if (!e) return out;
  const YamlNode& n = *e->value;
  auto take = [&](const YamlNode& item) {
    if (checked.type == FieldType::kChoiceList) {
      if (auto c = checked_choice(checked, item)) out.push_back(*c);
    } else if (item.is_scalar()) {
      out.push_back(Located<std::string>{item.scalar, item.pos});
    } else {
      wrong_type(checked, item, "text");
    }
  };
  if (n.is_sequence()) {
    for (const YamlNode& item : n.items) take(item);
  } else if (n.is_scalar() && checked.accepts_single) {
    take(n);
  } else {
    wrong_type(checked, n, "a list, like [a, b]");
  }
  return out;
}

std::optional<FieldReader> FieldReader::object(std::string_view name) const {
  const FieldDef& f = def(name, FieldType::kObject);
  const YamlEntry* e = entry(name);
  if (!e) return std::nullopt;
  FieldReader r(*e->value, *f.object, *file_, *diags_);
  if (!r.ok()) return std::nullopt;
  return r;
}

std::vector<FieldReader> FieldReader::objects(std::string_view name) const {
  const FieldDef& f = def(name, FieldType::kObjectList);
  std::vector<FieldReader> out;
  const YamlEntry* e = entry(name);
  if (!e) return out;
  const YamlNode& n = *e->value;
  if (n.is_map() && f.accepts_single) {
    FieldReader r(n, *f.object, *file_, *diags_);
    if (r.ok()) out.push_back(r);
    return out;
  }
  if (!n.is_sequence()) {
    wrong_type(f, n, fmt::format("a list of {} entries, each starting with '- '", f.object->name));
    return out;
  }
  for (const YamlNode& item : n.items) {
    FieldReader r(item, *f.object, *file_, *diags_);
    if (r.ok()) out.push_back(r);
  }
  return out;
}

}  // namespace iact
