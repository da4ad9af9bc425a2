//! `$(VAR)` in env values, command and args that Kubernetes leaves as written, and shell
//! variables in a command that runs without a shell.
//!
//! Kubernetes expands `$(VAR)` with the variables defined *before* it in the same container's
//! `env` (for env values) or in its whole environment (for command and args); `$$` escapes a
//! `$`. A reference to a variable it does not know stays in the string as written. `$VAR` and
//! `${VAR}` are a shell's syntax: Kubernetes never expands them, and without a shell nobody does.

use std::collections::BTreeSet;

use k8s_openapi::api::core::v1 as core;

use super::{containers, listed, Lint};
use crate::bundle::Object;
use crate::rules::{shown, suggest};
use crate::validate::FieldPath;

/// The expansion lints of one object.
pub(super) fn object(object: &Object, found: &mut Vec<Lint>) {
    let Some(view) = object.pod() else { return };
    for (container, path) in containers(view.spec, &view.path) {
        undefined(container, &path, found);
        shell_variables(container, &path, found);
    }
}

/// The names of `$(NAME)` references in `text` (`$$(NAME)` is an escape, not a reference).
fn references(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        let after = rest.get(at + 1..).unwrap_or_default();
        if let Some(escaped) = after.strip_prefix('$') {
            rest = escaped;
            continue;
        }
        if let Some(inner) = after.strip_prefix('(') {
            if let Some(end) = inner.find(')') {
                let name = inner.get(..end).unwrap_or_default();
                if !name.is_empty() {
                    names.push(name);
                }
                rest = inner.get(end + 1..).unwrap_or_default();
                continue;
            }
        }
        rest = after;
    }
    names
}

/// `$(VAR)` naming a variable the container does not define (before it, for env values).
fn undefined(container: &core::Container, path: &FieldPath, found: &mut Vec<Lint>) {
    // Variables from `envFrom` are known only by their ConfigMap or Secret: no guess.
    if container.env_from.as_ref().is_some_and(|e| !e.is_empty()) {
        return;
    }
    let env = container.env.as_deref().unwrap_or_default();
    let all: BTreeSet<&str> = env.iter().map(|v| v.name.as_str()).collect();
    let mut lint = |name: &str, known: &BTreeSet<&str>, later: bool, at: FieldPath| {
        let why = if later {
            "it is defined later in `env`, and a variable sees only the ones before it"
        } else {
            "the container defines no such variable"
        };
        let fix = match suggest::did_you_mean(name, known.iter().copied()) {
            Some(hint) => hint,
            None if later => format!("move the definition of `{name}` before this variable"),
            None => format!(
                "define `{name}` in the container's env (defined: {}), or write `$$({name})` for the literal text",
                listed(known.iter().copied())
            ),
        };
        found.push(Lint::new(
            "env-var-undefined",
            at,
            format!("`$({name})` is left as written, not expanded: {why}"),
            fix,
        ));
    };
    let mut before: BTreeSet<&str> = BTreeSet::new();
    for (i, var) in env.iter().enumerate() {
        if let Some(value) = &var.value {
            for name in references(value) {
                if !before.contains(name) {
                    let at = path.field("env").index(i).field("value");
                    lint(name, &before, all.contains(name), at);
                }
            }
        }
        before.insert(&var.name);
    }
    for (field, words) in [("command", &container.command), ("args", &container.args)] {
        for (i, word) in words.iter().flatten().enumerate() {
            for name in references(word) {
                if !all.contains(name) {
                    lint(name, &all, false, path.field(field).index(i));
                }
            }
        }
    }
}

/// The shells whose `-c` script expands `$VAR`.
const SHELLS: &[&str] = &["sh", "bash", "ash", "dash", "zsh", "ksh", "busybox", "env"];

/// The first `$VAR` or `${VAR}` in `text` (not `$(VAR)`, not `$$`).
fn shell_variable(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b != b'$' {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied();
        match next {
            Some(b'$') => i += 2,
            Some(b'{') => {
                let end = text.get(i..)?.find('}').map(|e| e + i + 1)?;
                return text.get(i..end);
            }
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                let len = bytes
                    .get(i + 1..)?
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                    .count();
                return text.get(i..i + 1 + len);
            }
            _ => i += 1,
        }
    }
    None
}

/// `$VAR` in a command whose program is not a shell.
fn shell_variables(container: &core::Container, path: &FieldPath, found: &mut Vec<Lint>) {
    let Some(command) = container.command.as_ref().filter(|c| !c.is_empty()) else {
        return; // the image's entrypoint may well be a shell
    };
    let program = command.first().map(String::as_str).unwrap_or_default();
    let base = program.rsplit('/').next().unwrap_or(program);
    if SHELLS.contains(&base) {
        return;
    }
    let words = command
        .iter()
        .enumerate()
        .map(|(i, w)| (path.field("command").index(i), w))
        .chain(
            container
                .args
                .iter()
                .flatten()
                .enumerate()
                .map(|(i, w)| (path.field("args").index(i), w)),
        );
    for (at, word) in words {
        if let Some(variable) = shell_variable(word) {
            let name = variable.trim_start_matches('$').trim_matches(['{', '}']);
            found.push(Lint::new(
                "shell-variable-without-shell",
                at,
                format!(
                    "{} is shell syntax, but {} runs without a shell, so it gets the text `{variable}`",
                    shown(variable),
                    shown(program)
                ),
                format!(
                    "write `$({name})` to have Kubernetes expand it, or run the command through `sh -c`"
                ),
            ));
        }
    }
}
