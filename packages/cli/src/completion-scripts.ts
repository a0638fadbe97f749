// The shell side of completion is glue: each script asks `credchain __complete <shell> <index>
// <words…>` what to offer, so commands, options, choices and profile names come from the same
// table as --help, in every shell. After `--` (exec's command), the shell completes commands and files.

const BASH = `# credchain completion for bash. Load it from ~/.bashrc:
#   eval "$(credchain completion bash)"
_credchain() {
  local i cur=\${COMP_WORDS[COMP_CWORD]}
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ \${COMP_WORDS[i]} == -- ]]; then
      if ((i + 1 == COMP_CWORD)); then
        COMPREPLY=($(compgen -c -- "$cur"))
      else
        COMPREPLY=($(compgen -f -- "$cur"))
      fi
      return 0
    fi
  done
  local IFS=$'\\n'
  COMPREPLY=($(command credchain __complete bash "$COMP_CWORD" "\${COMP_WORDS[@]}" 2>/dev/null))
}
complete -F _credchain credchain
`;

const ZSH = `#compdef credchain
# credchain completion for zsh. Load it from ~/.zshrc, after compinit:
#   eval "$(credchain completion zsh)"
_credchain() {
  local i
  for ((i = 2; i < CURRENT; i++)); do
    if [[ \${words[i]} == -- ]]; then
      if ((i + 1 == CURRENT)); then _command_names -e; else _files; fi
      return
    fi
  done
  local -a candidates
  candidates=("\${(@f)$(command credchain __complete zsh $((CURRENT - 1)) "\${words[@]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  ((\${#candidates})) && _describe -t credchain credchain candidates
}
compdef _credchain credchain
`;

const FISH = `# credchain completion for fish. Load it from ~/.config/fish/config.fish:
#   credchain completion fish | source
function __credchain_complete
    set -l words (commandline -opc)
    command credchain __complete fish (count $words) $words (commandline -ct) 2>/dev/null
end
function __credchain_after_dashdash
    contains -- -- (commandline -opc)
end
complete -c credchain -f -n 'not __credchain_after_dashdash' -a '(__credchain_complete)'
complete -c credchain -n '__credchain_after_dashdash' -F -a '(__fish_complete_command)'
`;

/** The completion script for `shell`. */
export const COMPLETION_SCRIPTS = { bash: BASH, zsh: ZSH, fish: FISH } as const;
