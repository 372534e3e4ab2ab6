#include "util/escape.h"

#include <string_view>

namespace iact {

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (u < 0x20 || u == 0x7F) continue;
    // ASCII punctuation: ! " # $ % & ' ( ) * + , - . / : ; < = > ? @ [ \ ] ^ _ ` { | } ~
    const bool punctuation = (u >= 0x21 && u <= 0x2F) || (u >= 0x3A && u <= 0x40) ||
                             (u >= 0x5B && u <= 0x60) || (u >= 0x7B && u <= 0x7E);
    // Inside a value these mean nothing to pandoc; at its start, where a template line may
    // begin, every mark is escaped. Quotes always are, or pandoc would curl them.
    const bool harmless_inside = std::string_view(",;?/:").find(c) != std::string_view::npos;
    if (punctuation && (out.empty() || !harmless_inside)) out += '\\';
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace iact
