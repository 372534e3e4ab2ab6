# zsh -f zsh_complete.zsh DIR OUT "COMMAND LINE": completes the line in an interactive zsh (in
# a pseudo-terminal) with _iact from DIR, and writes each candidate it offers to OUT, then
# "<end>". Used by completion.sh.
dir=$1 out=$2 line=$3
zmodload zsh/zpty
zpty z zsh -f -i
# Each step waits for the shell to say it is done: zsh drops what is typed ahead of a prompt.
step() {
  zpty -w z "$1; print STEP' 'DONE"
  zpty -r z reply '*STEP DONE*' || exit 1
}
step "fpath=($dir \$fpath); autoload -U compinit; compinit -u -D"
step "comptest() { compadd() { local -a a; builtin compadd -O a \"\$@\"; print -rl -- \$a >> $out; builtin compadd \"\$@\" }; _main_complete \"\$@\"; print -r -- '<end>' >> $out }"
step 'zle -C comptest-widget complete-word comptest; bindkey "^I" comptest-widget'
zpty -w -n z "$line"$'\t'
for i in {1..100}; do
  grep -q '^<end>$' $out && break
  sleep 0.1
done
zpty -d z
grep -q '^<end>$' $out
