#include "plan/fields.h"

#include <array>

#include "plan/model.h"

namespace iact {

const FieldDef* ObjectDef::field(std::string_view name) const {
  for (const FieldDef& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

namespace {

using enum FieldType;
constexpr bool kRequired = true;
constexpr bool kOptional = false;

constexpr std::array kStatusSynonyms = {
    Synonym{"in progress", "on-track"},    Synonym{"in-progress", "on-track"},
    Synonym{"started", "on-track"},        Synonym{"green", "on-track"},
    Synonym{"ongoing", "on-track"},        Synonym{"amber", "at-risk"},
    Synonym{"red", "off-track"},           Synonym{"delayed", "off-track"},
    Synonym{"overdue", "off-track"},       Synonym{"done", "complete"},
    Synonym{"completed", "complete"},      Synonym{"closed", "complete"},
    Synonym{"blue", "complete"},           Synonym{"to commence", "not-started"},
    Synonym{"not started", "not-started"}, Synonym{"grey", "not-started"},
};
constexpr std::array kTimeframeSynonyms = {
    Synonym{"short term", "short"},
    Synonym{"medium term", "medium"},
    Synonym{"long term", "long"},
    Synonym{"short-medium term", "short-medium"},
    Synonym{"medium-long term", "medium-long"},
    Synonym{"immediate", "short"},
};

// ---- The plan format -------------------------------------------------------------------

constexpr std::array kPersonFields = {
    FieldDef{"role", kText, kRequired, "Job title or role, e.g. Chief Nursing Officer."},
    FieldDef{"name", kText, kOptional, "Optional; papers usually name roles only."},
};
constexpr ObjectDef kPerson{"person", "A person named by role.", kPersonFields};

constexpr std::array kOrganisationFields = {
    FieldDef{"code", kText, kRequired, "ODS code of the organisation, e.g. RH5."},
    FieldDef{"name", kText, kRequired, "Full name, e.g. Somerset NHS Foundation Trust."},
    FieldDef{"short", kText, kOptional, "Short name used in tables and in action leads, e.g. SFT."},
    FieldDef{"kind", kChoice, kRequired, "trust or icb.", kOrgKindNames},
    FieldDef{"region", kText, kOptional,
             "NHS England region, e.g. South West (the return's cover)."},
    FieldDef{"icb", kText, kOptional, "For a trust (required): ODS code of the ICB it reports to."},
    FieldDef{"predecessors",
             kTextList,
             kOptional,
             "Earlier ODS codes of the organisation.",
             {},
             nullptr,
             true},
};
constexpr ObjectDef kOrganisation{"organisation", "The organisation whose plan this is.",
                                  kOrganisationFields};

constexpr std::array kReviewFields = {
    FieldDef{"date", kDate, kRequired, "When the 2024 self-assessment was completed."},
    FieldDef{"summary", kText, kRequired, "What the review found, in a paragraph."},
};
constexpr ObjectDef kReview{"review", "The 2024 review of intensive and assertive care.",
                            kReviewFields};

constexpr std::array kCostFields = {
    FieldDef{
        "amount", kAmount, kRequired,
        "Amount in GBP (a number); tbc (still to be costed); or not stated (costed, but the source "
        "gives no figure)."},
    FieldDef{"recurrent", kBoolean, kOptional,
             "Whether the cost recurs every year (true) or is paid once (false); left out, "
             "papers say it is not said which."},
    FieldDef{"funded", kBoolean, kOptional,
             "Whether the money is agreed (true) or still to be found (false); the paper "
             "totals the unfunded costs as the funding gap."},
    FieldDef{"note", kText, kOptional, "What the cost is for, or why it is not known yet."},
};
constexpr ObjectDef kCostObject{"cost", "The cost of an action.", kCostFields};

constexpr std::array kSubmissionFields = {
    FieldDef{"milestone", kText, kRequired,
             "Id of the timeline milestone it was for, e.g. cost-estimates (`iact frameworks` "
             "lists them)."},
    FieldDef{"date", kDate, kOptional,
             "When it was sent to NHS England; leave it out when no record says (the paper "
             "then shows the milestone met, date not recorded)."},
    FieldDef{"note", kText, kOptional, "What was sent, or who approved it."},
    FieldDef{"amount",
             kCost,
             kOptional,
             "For a cost estimate: the headline figure sent, e.g. 3000000 or "
             "{ amount: 3000000, recurrent: true }; the paper's finance section sets the "
             "plan's costed actions beside it.",
             {},
             &kCostObject},
};
constexpr ObjectDef kSubmission{
    "submission", "What the system sent NHS England for a national milestone.", kSubmissionFields};

constexpr std::array kDnaFields = {
    or_not_stated(FieldDef{"policy", kChoice, kRequired,
                           "Policies say DNA is never a reason to discharge.", kAssuranceNames}),
    or_not_stated(
        FieldDef{"practice", kChoice, kRequired, "Practice matches the policy.", kAssuranceNames}),
    FieldDef{"note", kText, kOptional, "The evidence behind the assurance."},
    FieldDef{"date", kDate, kOptional,
             "When the assurance was given, to the precision the source has; a paper for a "
             "later date says the answers are as of then."},
};
constexpr ObjectDef kDna{"dna_discharge_assurance",
                         "Assurance that non-attendance (DNA) is never a reason to discharge.",
                         kDnaFields};

constexpr std::array kPartnerFields = {
    FieldDef{"short", kText, kRequired, "Short name used in action leads, e.g. VCFSE."},
    FieldDef{"name", kText, kRequired, "Full name."},
    FieldDef{"code", kText, kOptional, "ODS or other code, where there is one."},
};
constexpr ObjectDef kPartner{
    "partner", "An organisation that leads actions but keeps no plan of its own.", kPartnerFields};

constexpr std::array kBoardFields = {
    FieldDef{"date", kDate, kRequired, "Date of the meeting."},
    FieldDef{"body", kText, kRequired, "The board or committee, e.g. NHS Somerset ICB Board."},
    or_not_stated(
        FieldDef{"public", kBoolean, kOptional, "Whether the meeting is held in public."}),
    FieldDef{"status", kChoice, kOptional,
             "planned, held, postponed or cancelled. Leave it out for a meeting the source "
             "records as held; write planned for one only scheduled, which papers then never "
             "show as held, even after its date.",
             kMeetingStatusNames},
    FieldDef{"milestone", kText, kOptional,
             "Id of the national milestone the meeting was held for, when it met one late "
             "(public-boards-2024 for a December 2024 board held in January); by default a "
             "meeting in public counts for the first milestone due on or after it."},
    FieldDef{"agenda_item", kText, kOptional, "Agenda item or enclosure reference."},
    FieldDef{"title", kText, kOptional, "Title of the paper."},
    FieldDef{"purpose", kChoiceList, kOptional, "What the paper asks of the meeting.",
             kPurposeNames, nullptr, true},
    FieldDef{"presented_by", kText, kOptional, "Role of the person presenting the paper."},
    FieldDef{"previously_considered",
             kTextList,
             kOptional,
             "Committees or groups that saw the paper before, e.g. Quality Committee.",
             {},
             nullptr,
             true},
    FieldDef{"recommendations",
             kTextList,
             kOptional,
             "What the board is asked to do, one item each.",
             {},
             nullptr,
             true},
    or_not_stated(FieldDef{"assurance", kChoice, kOptional, "Level of assurance the paper offers.",
                           kAssuranceLevelNames}),
    FieldDef{"risks", kText, kOptional, "Cover sheet: risks the paper raises."},
    FieldDef{"financial_implications", kText, kOptional, "Cover sheet: financial implications."},
    FieldDef{"equality_impact", kText, kOptional, "Cover sheet: equality and inequalities impact."},
    FieldDef{"patient_involvement", kText, kOptional,
             "Cover sheet: patient, carer and public involvement."},
    FieldDef{"classification", kChoice, kOptional,
             "Whether the paper is for the meeting in public or in private.", kClassificationNames},
    FieldDef{"strategic_objectives",
             kTextList,
             kOptional,
             "Cover sheet: the organisation's strategic objectives the paper supports.",
             {},
             nullptr,
             true},
    FieldDef{"conflicts_of_interest", kText, kOptional, "Cover sheet: conflicts of interest."},
    FieldDef{"legal_regulatory", kText, kOptional,
             "Cover sheet: legal and regulatory implications."},
    FieldDef{"quality_impact", kText, kOptional, "Cover sheet: quality impact."},
    FieldDef{"impact_assessment", kText, kOptional,
             "Cover sheet: where the equality, quality and safeguarding impact assessments stand."},
    FieldDef{"data_protection", kText, kOptional,
             "Cover sheet: data protection impact (DPIA) and information governance."},
};
constexpr ObjectDef kBoard{"board meeting",
                           "A meeting where the plan is discussed, with the cover sheet of the "
                           "paper that goes to it.",
                           kBoardFields};

constexpr std::array kRagFields = {
    FieldDef{"due_soon_days",
             kInteger,
             kOptional,
             "A not-started action due within this many days is Amber, not Grey (default 30).",
             {},
             nullptr,
             false,
             0,
             366},
    FieldDef{"overdue_grace_days",
             kInteger,
             kOptional,
             "Days after the due date before an open action turns Red (default 0).",
             {},
             nullptr,
             false,
             0,
             366},
    FieldDef{"replanned", kChoice, kOptional,
             "Colour of an action re-planned later than its baseline_due (default amber).",
             kRagColourNames},
    FieldDef{"due_tbc", kChoice, kOptional,
             "Colour of an action whose due date is tbc (default amber).", kRagColourNames},
};
constexpr ObjectDef kRag{"rag",
                         "The plan's RAG thresholds, where they differ from the defaults. A "
                         "policy file given with --rag-policy overrides them.",
                         kRagFields};

constexpr std::array kUpdateFields = {
    FieldDef{"date", kDate, kRequired, "Date of the update."},
    FieldDef{"status", kChoice, kOptional, "Status at that date.", kStatusNames, nullptr, false, 0,
             0, false, kStatusSynonyms},
    FieldDef{"due", kDue, kOptional,
             "The due date agreed at this update, when it re-plans the action; the action's "
             "`due` is the latest of these."},
    FieldDef{"note", kText, kOptional, "What has happened."},
};
constexpr ObjectDef kUpdate{"update", "One entry of an action's progress log.", kUpdateFields};

constexpr std::array kActionFields = {
    FieldDef{"id",
             kText,
             kRequired,
             "Unique in the plan: letters, digits, '.', '_', '-'.",
             {},
             nullptr,
             false,
             0,
             0,
             true},
    FieldDef{"title", kText, kRequired, "What will be done, in one line."},
    FieldDef{"description", kText, kOptional, "More detail: the objective or the gap addressed."},
    FieldDef{"group", kText, kOptional, "One of the plan's groups."},
    FieldDef{"addresses",
             kTextList,
             kRequired,
             "Framework items this action answers to, bare (carers) or qualified "
             "(investigation-2025/families).",
             {},
             nullptr,
             true},
    FieldDef{"updates_plan", kBoolean, kOptional,
             "The action is to add actions to the plan for the items it addresses (an update of "
             "the plan with new learning): those items stay gaps, planned for by this action, "
             "until another action addresses them."},
    FieldDef{"lead",
             kTextList,
             kRequired,
             "Lead organisation(s): short names or codes of the system's organisations or "
             "partners.",
             {},
             nullptr,
             true},
    FieldDef{"owner", kText, kOptional, "The role that owns the action."},
    FieldDef{"timeframe", kChoice, kOptional,
             "short (0-6 months), medium (6-12 months), long (12 months or more).", kTimeframeNames,
             nullptr, false, 0, 0, false, kTimeframeSynonyms},
    FieldDef{"due", kDue, kRequired,
             "Due date: 2024-10-30, 2025-07, \"Q2 2025/26\", tbc or ongoing."},
    FieldDef{"baseline_due", kDue, kOptional, "The first agreed due date, when re-planned."},
    FieldDef{"status", kChoice, kRequired, "The status the lead declares.", kStatusNames, nullptr,
             false, 0, 0, false, kStatusSynonyms},
    FieldDef{"completed", kDate, kOptional, "When the action was completed."},
    FieldDef{"added", kDate, kOptional,
             "When the action joined the plan, if later than the plan itself; reports for "
             "earlier dates leave it out and count it as new in its period."},
    FieldDef{"cost",
             kCost,
             kOptional,
             "none, tbc, not stated, an amount in GBP, or {amount, recurrent, note}.",
             {},
             &kCostObject},
    FieldDef{"evidence", kTextList, kOptional, "Evidence of completion.", {}, nullptr, true},
    FieldDef{"next_steps", kText, kOptional, "What happens next."},
    FieldDef{"notes", kText, kOptional,
             "Anything else worth keeping about the action, such as the columns of an imported "
             "tracker that have no field of their own."},
    FieldDef{"updates", kObjectList, kOptional, "Progress log, oldest first.", {}, &kUpdate},
};
constexpr ObjectDef kAction{"action", "One action of the plan.", kActionFields};

constexpr std::array kRiskFields = {
    FieldDef{"id", kText, kRequired, "Unique in the plan.", {}, nullptr, false, 0, 0, true},
    FieldDef{"title", kText, kRequired, "The risk, in one line."},
    FieldDef{"likelihood",
             kInteger,
             kOptional,
             "1 (rare) to 5 (almost certain).",
             {},
             nullptr,
             false,
             1,
             5},
    FieldDef{"impact",
             kInteger,
             kOptional,
             "1 (negligible) to 5 (catastrophic).",
             {},
             nullptr,
             false,
             1,
             5},
    FieldDef{"mitigations", kTextList, kOptional, "How the risk is reduced.", {}, nullptr, true},
    FieldDef{"actions",
             kTextList,
             kOptional,
             "Ids of this plan's actions that mitigate it.",
             {},
             nullptr,
             true},
    FieldDef{"owner", kText, kOptional, "The role that owns the risk."},
    FieldDef{"closed", kDate, kOptional, "When the risk was closed."},
    FieldDef{"register_ref", kText, kOptional,
             "Its reference in the board assurance framework or corporate risk register, "
             "e.g. BAF 3 or CRR-112."},
};
constexpr ObjectDef kRisk{"risk", "A risk to delivery, with its mitigations.", kRiskFields};

constexpr std::array kSelfAssessmentFields = {
    FieldDef{"item", kText, kRequired, "The framework item assessed, bare or qualified."},
    or_not_stated(
        FieldDef{"assurance", kChoice, kRequired,
                 "The assurance the organisation takes: substantial, reasonable, limited or none.",
                 kAssuranceLevelNames}),
    or_not_stated(FieldDef{"narrative", kText, kOptional,
                           "Why, in a few sentences, for the NHS England return."}),
};
constexpr ObjectDef kSelfAssessment{"self_assessment entry",
                                    "The organisation's own assurance on one framework item.",
                                    kSelfAssessmentFields};

constexpr std::array kNarrativeFields = {
    FieldDef{"written_for", kDate, kOptional,
             "The board meeting or reporting period the text was written for: 2025-05-01, or "
             "2026-01 for the January 2026 round. A paper for a later date shows the text "
             "under that date (\"Written for the board of 1 May 2025\"), never as current."},
    FieldDef{"background", kText, kOptional,
             "Why the plan exists: the national and local context."},
    FieldDef{"local_position", kText, kOptional, "Where the organisation or system stands now."},
    FieldDef{"good_practice", kText, kOptional, "What the review found working well."},
    FieldDef{"challenges", kText, kOptional, "What the review found needs to improve."},
    FieldDef{
        "cohort_definition", kText, kOptional,
        "Who is in scope: the people who need intensive and assertive care, as defined locally."},
    FieldDef{"key_points", kText, kOptional, "What the board most needs to know."},
};
constexpr ObjectDef kNarrative{
    "narrative",
    "Text the lead writes for the paper, in Markdown (paragraphs, lists, *emphasis*); each "
    "part becomes a section of the paper when it is there.",
    kNarrativeFields};

constexpr std::array kMeasureValueFields = {
    FieldDef{"date", kDate, kRequired, "When it was measured."},
    FieldDef{"value", kNumber, kRequired, "The value."},
    FieldDef{"note", kText, kOptional, "What lies behind it."},
};
constexpr ObjectDef kMeasureValue{"measure value", "One value of a measure.", kMeasureValueFields};

constexpr std::array kMeasureFields = {
    FieldDef{"id", kText, kRequired, "Unique in the plan.", {}, nullptr, false, 0, 0, true},
    FieldDef{"title", kText, kRequired, "What is measured, e.g. Care coordinators in post."},
    FieldDef{"unit", kText, kOptional, "e.g. %, people, WTE."},
    FieldDef{"target", kNumber, kOptional, "The value aimed for."},
    FieldDef{"higher_is_better", kBoolean, kOptional, "Whether more is better (default true)."},
    FieldDef{"values",
             kObjectList,
             kRequired,
             "Its values over time, oldest first.",
             {},
             &kMeasureValue},
};
constexpr ObjectDef kMeasure{"measure", "A measure tracked over time, such as staff in post.",
                             kMeasureFields};

constexpr ObjectDef kGlossary{"glossary", "Abbreviations and what they stand for.", {}, true};

constexpr std::array kPlanFields = {
    FieldDef{"iact", kInteger, kRequired, "Format version: 1."},
    FieldDef{"organisation", kObject, kRequired, "Whose plan this is.", {}, &kOrganisation},
    FieldDef{"frameworks",
             kTextList,
             kRequired,
             "Ids of the national frameworks the plan answers to.",
             {},
             nullptr,
             true},
    or_not_stated(FieldDef{"sro", kObject, kOptional, "Senior responsible officer.", {}, &kPerson}),
    FieldDef{"author", kObject, kOptional, "Author of the plan.", {}, &kPerson},
    FieldDef{"review", kObject, kOptional, "The 2024 self-assessment.", {}, &kReview},
    or_not_stated(FieldDef{"dna_discharge_assurance",
                           kObject,
                           kOptional,
                           "The NHS England ask that DNA is never a reason to discharge.",
                           {},
                           &kDna}),
    FieldDef{"partners",
             kObjectList,
             kOptional,
             "Organisations that lead actions but keep no plan.",
             {},
             &kPartner},
    FieldDef{"board", kObjectList, kOptional, "Meetings where the plan is discussed.", {}, &kBoard},
    FieldDef{"submissions",
             kObjectList,
             kOptional,
             "What the system sent NHS England for national milestones, and when (the paper's "
             "milestones met).",
             {},
             &kSubmission},
    FieldDef{"rag",
             kObject,
             kOptional,
             "RAG thresholds, where they differ from the defaults.",
             {},
             &kRag},
    FieldDef{"groups",
             kTextList,
             kOptional,
             "Action groups, in the order papers show them.",
             {},
             nullptr,
             true},
    or_not_stated(FieldDef{"self_assessment",
                           kObjectList,
                           kOptional,
                           "Assurance per framework item, for the return's Summary sheet; "
                           "`not-stated` for every item when the source gives none.",
                           {},
                           &kSelfAssessment}),
    FieldDef{"created", kDate, kOptional,
             "When the plan was made (default: its review's date, else its first board "
             "meeting); an open action due before it is flagged."},
    FieldDef{"narrative",
             kObjectList,
             kOptional,
             "The paper's narrative sections, each set with the meeting or period it was "
             "written for: one mapping, or a list with one entry per paper.",
             {},
             &kNarrative,
             true},
    FieldDef{"incomplete", kText, kOptional,
             "Why the actions here are not the organisation's whole plan, when they are not: "
             "the full plan is held elsewhere, such as an unpublished appendix. Papers then say "
             "so and never count an item as a gap on this plan's actions alone."},
    FieldDef{"actions", kObjectList, kOptional, "The actions of the plan.", {}, &kAction},
    FieldDef{"risks", kObjectList, kOptional, "Risks to delivery.", {}, &kRisk},
    FieldDef{"measures", kObjectList, kOptional, "Measures with values over time.", {}, &kMeasure},
    FieldDef{"glossary",
             kObject,
             kOptional,
             "Abbreviations the plan's text uses that the house glossary (templates/"
             "glossary.yaml) lacks, as `TERM: meaning`; the paper's glossary lists those it "
             "uses.",
             {},
             &kGlossary},
};
constexpr ObjectDef kPlan{"plan",
                          "An intensive and assertive community mental health care "
                          "action plan of one organisation.",
                          kPlanFields};

// ---- National frameworks and timeline (frameworks/*.yaml) ------------------------------

constexpr std::array kSourceFields = {
    FieldDef{"document", kText, kRequired, "Title of the source document."},
    FieldDef{"publisher", kText, kRequired, "Who published it."},
    FieldDef{"date", kDate, kRequired, "When it was published."},
    FieldDef{"note", kText, kOptional, "Anything else about the source."},
};
constexpr ObjectDef kSource{"source", "Where the framework comes from.", kSourceFields};

constexpr std::array kExpectationFields = {
    FieldDef{"id",
             kText,
             kRequired,
             "Slug; the full id is <item>.<slug>.",
             {},
             nullptr,
             false,
             0,
             0,
             true},
    FieldDef{"title", kText, kRequired, "The expectation, in a sentence."},
    FieldDef{"aliases",
             kTextList,
             kOptional,
             "Other wordings of the expectation in trackers and papers, for `iact import`.",
             {},
             nullptr,
             true},
};
constexpr ObjectDef kExpectation{"expectation", "What an action plan should ensure.",
                                 kExpectationFields};

constexpr std::array kItemFields = {
    FieldDef{
        "id", kText, kRequired, "Unique across all frameworks.", {}, nullptr, false, 0, 0, true},
    FieldDef{"title", kText, kRequired, "Short title."},
    FieldDef{"description", kText, kRequired, "What the item asks of a plan."},
    FieldDef{"aliases",
             kTextList,
             kOptional,
             "Other wordings of the item that national letters, board papers and trackers use "
             "(\"DNA\", \"did not attend\"); `iact import` matches a tracker's theme text "
             "against the title, the wording and these.",
             {},
             nullptr,
             true},
    FieldDef{"wording",
             kTextList,
             kOptional,
             "The item in the source document's own words (\"failure to review treatment / "
             "medication\"), where they differ from the title; `iact import` matches theme "
             "text against them too, and `--show-mapping` names them.",
             {},
             nullptr,
             true},
    FieldDef{"expectations", kObjectList, kOptional, "Sub-items.", {}, &kExpectation},
};
constexpr ObjectDef kItem{"framework item", "A theme, requirement or domain.", kItemFields};

constexpr std::array kFrameworkFields = {
    FieldDef{"iact-framework", kInteger, kRequired, "Format version: 1."},
    FieldDef{
        "id", kText, kRequired, "Framework id, cited by plans.", {}, nullptr, false, 0, 0, true},
    FieldDef{"title", kText, kRequired, "Title."},
    FieldDef{"called", kText, kOptional,
             "How a paper's sentences name it, e.g. \"the national webinar of April 2025\" "
             "(default: \"the\" and its source document's title)."},
    FieldDef{"source", kObject, kRequired, "Source document.", {}, &kSource},
    FieldDef{"every_plan", kBoolean, kOptional,
             "Whether NHS England asked every local plan to answer to it once published (true); "
             "a paper for a later date then says when none of a system's plans does."},
    FieldDef{"items", kObjectList, kRequired, "The framework's items.", {}, &kItem},
};
constexpr ObjectDef kFramework{"framework", "A national framework.", kFrameworkFields};

constexpr std::array kMilestoneFields = {
    FieldDef{"id", kText, kRequired, "Milestone id.", {}, nullptr, false, 0, 0, true},
    FieldDef{"date", kDate, kRequired, "When."},
    FieldDef{"title", kText, kRequired, "What happens."},
    FieldDef{"announced", kDate, kOptional,
             "When it became known; a paper as of an earlier day does not show it."},
    FieldDef{"requires", kChoice, kOptional,
             "What a system must record to meet it, for the paper's milestone table: "
             "public-board (each organisation's board in public by the date), icb-public-board "
             "(the ICB's board in public), review (the system's review by the date) or "
             "submission (a plan's `submissions:` entry for the milestone, by the date).",
             kMilestoneRequirementNames},
    FieldDef{"reported", kBoolean, kOptional,
             "Whether the milestone also asks the system to report to NHS England (true): a "
             "plan's `submissions:` entry for it records the report, and the paper's milestone "
             "table gives the system's line beside the boards'."},
};
constexpr ObjectDef kMilestone{"milestone", "A national milestone.", kMilestoneFields};

constexpr std::array kPeriodFields = {
    FieldDef{"id", kText, kRequired, "Period name, YYYY-MM.", {}, nullptr, false, 0, 0, true},
    FieldDef{"due", kDate, kRequired, "When the return and public board update are due."},
    FieldDef{"title", kText, kRequired, "What is due."},
    FieldDef{"announced", kDate, kOptional,
             "When it was set; a report as of an earlier day is not for this period."},
};
constexpr ObjectDef kPeriod{"period", "A reporting period.", kPeriodFields};

constexpr std::array kTimelineFields = {
    FieldDef{"iact-timeline", kInteger, kRequired, "Format version: 1."},
    FieldDef{
        "source", kObject, kOptional, "Source document (the national timeline's).", {}, &kSource},
    FieldDef{"milestones", kObjectList, kOptional, "Milestones with their dates.", {}, &kMilestone},
    FieldDef{"periods", kObjectList, kRequired, "Reporting periods.", {}, &kPeriod},
};
constexpr ObjectDef kTimeline{"timeline", "National milestones and reporting periods.",
                              kTimelineFields};

// ---- RAG policy file (--rag-policy) ----------------------------------------------------

constexpr std::array kPolicyFields = {
    FieldDef{"iact-policy", kInteger, kRequired, "Format version: 1."},
    FieldDef{"rag", kObject, kRequired, "RAG thresholds, as in a plan.", {}, &kRag},
};
constexpr ObjectDef kPolicy{"policy", "A RAG policy shared by several plans.", kPolicyFields};

// ---- The NHS England return's layout (templates/return.yaml) --------------------------

constexpr std::array kReturnColumnFields = {
    FieldDef{"header", kText, kRequired,
             "The column's heading (on a cover sheet: the row's label)."},
    FieldDef{"field", kText, kRequired,
             "Which value of the record fills it; `iact return --fields` lists them."},
    FieldDef{
        "width", kInteger, kOptional, "Column width in characters.", {}, nullptr, false, 1, 255},
    FieldDef{"wrap", kBoolean, kOptional, "Wrap long text in the column's cells."},
    FieldDef{"choices", kChoice, kOptional,
             "A drop-down list of allowed values: status, brag, assurance, yes-no-partial or "
             "yes-no (the answer lists also offer Not stated).",
             kReturnChoiceListNames},
    FieldDef{"required", kBoolean, kOptional,
             "NHS England needs this answer: a return with the cell empty is a draft, which "
             "says so on its cover and lists the answer on its missing sheet. Only for fields a "
             "plan answers (`iact return --fields` marks them)."},
};
constexpr ObjectDef kReturnColumn{"column", "One column of a sheet (a row of a cover sheet).",
                                  kReturnColumnFields};

constexpr std::array kReturnSheetFields = {
    FieldDef{"name", kText, kRequired,
             "The sheet's tab name: at most 31 characters, none of [ ] : * ? / \\."},
    FieldDef{"rows", kChoice, kRequired,
             "What each row is: cover (one record, as label and value rows), items, actions, "
             "risks, changes, dna, or missing (the required answers a draft lacks; the sheet is "
             "written only when there are some).",
             kReturnSourceNames},
    FieldDef{"heading", kText, kOptional, "A title written above the rows."},
    FieldDef{"table", kBoolean, kOptional,
             "Make the rows an Excel table, with a filter on every column."},
    FieldDef{"landscape", kBoolean, kOptional, "Print the sheet in landscape."},
    FieldDef{"columns", kObjectList, kRequired, "The columns, left to right.", {}, &kReturnColumn},
};
constexpr ObjectDef kReturnSheet{"sheet", "One sheet of the workbook.", kReturnSheetFields};

constexpr std::array kReturnFields = {
    FieldDef{"iact-return", kInteger, kRequired, "Return definition format version: 1."},
    FieldDef{"title", kText, kOptional, "The workbook's title (document properties)."},
    FieldDef{"sheets", kObjectList, kRequired, "The sheets, in tab order.", {}, &kReturnSheet},
};
constexpr ObjectDef kReturnLayout{
    "return definition", "The layout of the NHS England assurance return workbook.", kReturnFields};

}  // namespace

const ObjectDef& plan_def() {
  return kPlan;
}
const ObjectDef& framework_def() {
  return kFramework;
}
const ObjectDef& timeline_def() {
  return kTimeline;
}
const ObjectDef& policy_def() {
  return kPolicy;
}

const ObjectDef& return_layout_def() {
  return kReturnLayout;
}

}  // namespace iact
