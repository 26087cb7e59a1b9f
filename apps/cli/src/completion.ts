import type { Command } from 'commander';

export const completionShells = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof completionShells)[number];

/** Subcommands and their long options, read from the program so completion never goes stale. */
function commandTable(program: Command): { name: string; options: string[] }[] {
  return program.commands.map((command) => ({
    name: command.name(),
    options: [
      ...command.options.map((o) => o.long).filter((o): o is string => o !== undefined),
      '--help',
    ],
  }));
}

function bash(program: Command): string {
  const table = commandTable(program);
  const cases = table.map((c) => `    ${c.name}) opts="${c.options.join(' ')}" ;;`).join('\n');
  return `# bash completion for routeplane: eval "$(routeplane completion bash)"
_routeplane() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${table.map((c) => c.name).join(' ')} --help --version" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
    *) opts="" ;;
  esac
  COMPREPLY=($(compgen -W "$opts" -f -- "$cur"))
}
complete -o default -F _routeplane routeplane
`;
}

function zsh(program: Command): string {
  const table = commandTable(program);
  const commands = program.commands
    .map((c) => `'${c.name()}:${c.description().replaceAll("'", "'\\''").replaceAll(':', '\\:')}'`)
    .join(' ');
  const cases = table
    .map(
      (c) =>
        `    ${c.name}) _arguments ${c.options.map((o) => `'${o}[]'`).join(' ')} '*:file:_files' ;;`,
    )
    .join('\n');
  return `#compdef routeplane
# zsh completion for routeplane: routeplane completion zsh > "\${fpath[1]}/_routeplane"
_routeplane() {
  if (( CURRENT == 2 )); then
    local -a commands=(${commands})
    _describe 'command' commands
    return
  fi
  case "$words[2]" in
${cases}
  esac
}
compdef _routeplane routeplane
`;
}

function fish(program: Command): string {
  const lines = ['# fish completion for routeplane: routeplane completion fish | source'];
  for (const command of program.commands) {
    lines.push(
      `complete -c routeplane -n __fish_use_subcommand -f -a ${command.name()} -d '${command.description().replaceAll("'", "\\'")}'`,
    );
  }
  for (const { name, options } of commandTable(program)) {
    for (const option of options)
      lines.push(
        `complete -c routeplane -n '__fish_seen_subcommand_from ${name}' -l ${option.slice(2)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** A completion script for the shell, covering every subcommand and long option. */
export function completionScript(shell: CompletionShell, program: Command): string {
  return { bash, zsh, fish }[shell](program);
}
