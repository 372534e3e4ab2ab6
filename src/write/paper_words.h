// The sentences of the board paper: what the cover, the executive summary, the finance
// section and the recommendations say about a system view. Each sentence says only what the
// view holds on the paper's date, counts nought as "none", names framework items by their
// titles, and keeps dates to the precision the plans gave them.
#pragma once

#include <string>
#include <vector>

#include "view/system_view.h"

namespace iact {

// £61,000: whole pounds with thousands separated.
std::string money(double pounds);
// An estimate as papers round it: "£3m", "£2.5m"; other amounts as money() gives them.
std::string estimate_money(double pounds);
// "a", "a and b", "a, b and c".
std::string and_list(const std::vector<std::string>& parts);
// A count as a sentence says it: "none" for nought.
std::string count_words(int n);
// "the ICB and SFT plans" / "the SFT plan".
std::string plans_phrase(const SystemView& view);
// An action as sentences name it: "G-2", or "G-2 (RICB)" in a system of several plans.
std::string action_label(const SystemView& view, size_t row);
// "ICB-PLAN-01 is to add actions for them by 30 Jun 2025": what an action that updates the
// plan (`updates_plan`), held by one organisation or the same by several (`rows`), is to do for
// `object` (the items, as the sentence names them), and whether it is overdue or complete.
std::string planned_by_text(const SystemView& view, const std::vector<size_t>& rows,
                            const std::string& object);
// The same for every action of `rows` that plans for one item, each action named once.
std::string planners_text(const SystemView& view, const std::vector<size_t>& rows,
                          const std::string& object);

// "as reported on 1 May 2025": when an organisation's DNA-discharge answers were given, for a
// paper of a later date; "" when they were given for the paper's own day or month, or the
// plan does not date them.
std::string dna_reported(const OrgView& org, const SystemView& view);

// "Written for the board of 1 May 2025": where the organisation's narrative comes from,
// when it was written for an earlier meeting or period than the paper's; "" when current.
std::string narrative_note(const OrgView& org, const SystemView& view);

// The executive summary, paragraph by paragraph: staleness first where it is the news, then
// the judgement (on course or not, and why), the counts, what changed, what is at risk and
// the gaps, the money, and what the board is asked to do.
std::vector<std::string> summary_paragraphs(const SystemView& view);

// The five points a board member must carry into the room: the overdue actions, the top
// risks, the gaps, the funding gap and the DNA-discharge assurance.
std::vector<std::string> key_points(const SystemView& view);

// What the board is asked to do: the meeting's own recommendations, else ones that promise
// nothing the paper does not hold.
std::vector<std::string> recommendations(const SystemView& view);

// Per organisation: how many open actions have had no update, and since when; "" when all
// have. `dashes`: the table marks each of them with a dash, and the sentence says so.
std::string never_updated_sentence(const OrgView& org, const SystemView& view, bool dashes);

// "SMI-20's due date, 30 Jul 2024, is earlier than its plan (Q2 2024/25) ...": the open
// actions of `org` (or of every organisation, when null) due before their plan was made,
// whose dates the tables mark "to be confirmed"; "" when there are none.
std::string queried_due_sentence(const SystemView& view, const OrgView* org);

// "The plans have not yet taken in the Independent Mental Health Homicide Investigation
// (February 2025) ...": the frameworks NHS England asked every plan to answer to that none
// of the system's plans cites; "" when there are none.
std::string not_adopted_sentence(const SystemView& view);

// Said once above the progress tables: how an action whose source gave no status is
// coloured; "" when every action has a status.
std::string progress_intro(const SystemView& view);

// "2 risks are open, none of them scored; the risks section gives each with its
// mitigations": the open risks in a sentence; "" when none is open.
std::string risk_sentence(const SystemView& view);

// The summary's word on money, shorter than the finance section it points to; "" when the
// plans give no cost.
std::string money_summary(const SystemView& view);

// The finance section's sentences: the headline estimate against the costed actions, the
// totals and the gap, and the actions not funded.
std::vector<std::string> finance_sentences(const SystemView& view);

// "Met, 28 Nov 2024", "Met late, July 2025", "Not recorded": what the milestone table says
// of one check, with the DNA-discharge answers beside a submission milestone about them.
std::string milestone_result(const MilestoneCheck& check, const SystemView& view);

}  // namespace iact
