#!/usr/bin/env bash
# Shell completion: the scripts the build installs are what `iact completion` prints; bash's
# completes commands, options and their values when a bash runs it; every command and option
# that --help lists is offered (the scripts are written from the command line, so they cannot
# drift); fish's completes the same (complete -C); zsh's parses. In each, a global option's
# value is never taken for the command, update --status offers the statuses, and fish offers
# folders only where a folder goes.
set -u
iact=$(realpath "$1")
dir=$(realpath "$2")  # build/completion: iact.bash, _iact, iact.fish
root=$(realpath "$3")
cd "$root" || exit 1
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

for pair in bash:iact.bash zsh:_iact fish:iact.fish; do
  if ! diff -q <("$iact" completion "${pair%%:*}") "$dir/${pair#*:}" >/dev/null; then
    fail "$dir/${pair#*:} is not what 'iact completion ${pair%%:*}' prints"
  fi
done
out=$("$iact" completion tcsh 2>&1)
[ $? -eq 2 ] && grep -q "tcsh not in {bash,zsh,fish}" <<<"$out" || fail "completion tcsh: $out"

# Completes WORDS... in a bash that sourced the script (the last word is the one being
# completed), printing the candidates one a line.
complete_bash() {
  bash --norc --noprofile -c '
    script=$1; shift
    source "$script"
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    spec=$(complete -p iact) || exit 3
    function=${spec#*-F }; function=${function%% *}
    "$function" iact "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$dir/iact.bash" "$@"
}
expect_bash() {  # expect_bash "WANTED (one a line)" WORDS...
  local want=$1
  shift
  local got
  got=$(complete_bash "$@" | sort)
  if [ "$got" != "$(sort <<<"$want")" ]; then
    fail "bash: 'iact ${*:2}<TAB>' offered [$(tr '\n' ' ' <<<"$got")], wanted [$(tr '\n' ' ' <<<"$want")]"
  else
    echo "ok: bash: iact ${*:2}<TAB>"
  fi
}
spec=$(bash --norc --noprofile -c 'source "$1"; complete -p iact' _ "$dir/iact.bash")
[ "$spec" = "complete -F _iact iact" ] || fail "complete -p iact: '$spec'"
expect_bash "validate" iact va
expect_bash "--format" iact validate --form
expect_bash $'text\njson\nsarif\ngithub\ngitlab' iact validate --format ""
expect_bash "gitlab" iact validate --format gitl
expect_bash "--exit-code" iact diff --ex
expect_bash $'--quiet' iact build --qu
expect_bash $'bash\nzsh\nfish' iact completion ""
expect_bash "--frameworks" iact --fra
expect_bash "--frameworks" iact status plans --fra   # global options after the command
expect_bash "tests/data/bad" iact validate tests/data/ba
expect_bash "" iact status --as-of ""   # a date: nothing to offer
expect_bash "" iact man                 # man-pages is hidden
# A global option's value is not the command, even when it is named like one.
expect_bash "validate" iact --frameworks frameworks val
expect_bash "validate" iact --frameworks status val
expect_bash "--format" iact --templates rules status --fo
expect_bash $'not-started\non-track\nat-risk\noff-track\nblocked\ncomplete' iact update plan.yaml GOV-01 --status ""
expect_bash $'auto\nalways\nnever' iact --color ""
# Everything --help lists is offered.
commands=$("$iact" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
[ "$(wc -l <<<"$commands")" -ge 15 ] || fail "could not read the commands from iact --help"
offered=$(complete_bash iact "" | sort)
[ "$offered" = "$(sort <<<"$commands")" ] || fail "bash offers [$offered] for iact <TAB>, --help lists [$commands]"
for command in $commands; do
  listed=$("$iact" "$command" --help | grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sort -u)
  offered=$(complete_bash iact "$command" - | sort -u)
  missing=$(comm -23 <(printf '%s\n' "$listed") <(printf '%s\n' "$offered"))
  [ -z "$missing" ] || fail "bash: iact $command -<TAB> lacks $(tr '\n' ' ' <<<"$missing")"
done

# fish: its own completion engine, on the script.
complete_fish() {
  fish --no-config -c "source $dir/iact.fish; complete -C '$1'" | cut -f1 | sort
}
expect_fish() {  # expect_fish "WANTED (one a line)" "COMMAND LINE"
  local got
  got=$(complete_fish "$2")
  if [ "$got" != "$(sort <<<"$1")" ]; then
    fail "fish: '$2<TAB>' offered [$(tr '\n' ' ' <<<"$got")], wanted [$(tr '\n' ' ' <<<"$1")]"
  else
    echo "ok: fish: $2<TAB>"
  fi
}
expect_fish "validate" "iact va"
expect_fish "--format" "iact validate --form"
expect_fish $'text\njson\nsarif\ngithub\ngitlab' "iact validate --format "
expect_fish "--exit-code" "iact diff --ex"
expect_fish $'bash\nzsh\nfish' "iact completion "
offered=$(complete_fish "iact ")
[ "$offered" = "$(sort <<<"$commands")" ] || fail "fish offers [$offered] for iact <TAB>"
expect_fish "validate" "iact --frameworks frameworks val"
expect_fish "--format" "iact --templates rules status --fo"
expect_fish $'not-started\non-track\nat-risk\noff-track\nblocked\ncomplete' "iact update plan.yaml GOV-01 --status "
# Where a folder goes, folders only; where a file goes, files too.
folders=$(find . -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f/\n' | sort)
expect_fish "$folders" "iact build -o "
expect_fish "$folders" "iact rollup plans --returns "
offered=$(complete_fish "iact completion bash -o ")
grep -qx "README.md" <<<"$offered" || fail "fish: 'iact completion bash -o <TAB>' offers no files: $offered"

# zsh: the script parses, compinit takes it as iact's completion, and an interactive zsh
# completes with it (in a pseudo-terminal: zsh_complete.zsh).
zsh -n "$dir/_iact" || fail "zsh -n $dir/_iact"
out=$(zsh -f -c "fpath=($dir \$fpath); autoload -U compinit; compinit -u -D; print -r -- \$_comps[iact]" 2>&1)
[ "$out" = "_iact" ] || fail "zsh: compinit does not take _iact as iact's completion: $out"
zsh_out=$(mktemp)
trap 'rm -f "$zsh_out"' EXIT
expect_zsh() {  # expect_zsh "WANTED (one a line)" "COMMAND LINE"
  : >"$zsh_out"
  if ! timeout 20 zsh -f "$root/tests/e2e/zsh_complete.zsh" "$dir" "$zsh_out" "$2"; then
    fail "zsh: completing '$2' did not finish"
    return
  fi
  local got
  got=$(grep -v -e '^<end>$' -e '^$' "$zsh_out" | sort -u)
  if [ "$got" != "$(sort <<<"$1")" ]; then
    fail "zsh: '$2<TAB>' offered [$(tr '\n' ' ' <<<"$got")], wanted [$(tr '\n' ' ' <<<"$1")]"
  else
    echo "ok: zsh: $2<TAB>"
  fi
}
expect_zsh "validate" "iact va"
expect_zsh "--format" "iact validate --form"
expect_zsh $'text\njson\nsarif\ngithub\ngitlab' "iact validate --format "
expect_zsh "--exit-code" "iact diff --ex"
expect_zsh $'bash\nzsh\nfish' "iact completion "
expect_zsh "--frameworks" "iact --fra"
expect_zsh "validate" "iact --frameworks frameworks val"
expect_zsh $'not-started\non-track\nat-risk\noff-track\nblocked\ncomplete' "iact update plan.yaml GOV-01 --status "

exit $((failures > 0))
