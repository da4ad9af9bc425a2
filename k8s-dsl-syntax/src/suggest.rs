//! "Did you mean" for keys, on top of the shared `crate::rules::suggest`.

use crate::keys::Spec;
use crate::rules::suggest;

/// Keys that belong somewhere else, with the fix.
fn misplaced(name: &str, spec: &Spec) -> Option<&'static str> {
    Some(match (spec.what, name) {
        ("container", "restartPolicy") => {
            "containers take no `restartPolicy` (rule 16); put a native sidecar in `sidecars: [...]`"
        }
        ("lifecycle hook", "grpc") => {
            "`grpc` is a probe handler; a lifecycle hook takes `exec`, `httpGet`, `tcpSocket` or `sleep` (rule 24)"
        }
        ("probe", "sleep") => {
            "`sleep` is a lifecycle hook handler; a probe takes `exec`, `httpGet`, `tcpSocket` or `grpc` (rule 24)"
        }
        ("job pod template" | "job template", "name") => {
            "a template takes no `name`; the name is the job's own `name`"
        }
        ("pod template", "name") => {
            "a template takes no `name`; its pods are named after the workload's own `name`"
        }
        _ => return None,
    })
}

/// The message for an unknown key of `spec`: a close known key, or the list of known keys.
pub fn unknown_key(name: &str, spec: &Spec) -> String {
    if let Some(hint) = misplaced(name, spec) {
        return format!("unknown key `{name}` in {}; {hint}", spec.what);
    }
    let known: Vec<&str> = spec.keys().map(|k| k.name).collect();
    match suggest::closest(name, known.iter().copied()) {
        Some(close) => format!(
            "unknown key `{name}` in {}; did you mean `{close}`?",
            spec.what
        ),
        None => format!(
            "unknown key `{name}` in {}; expected one of {}",
            spec.what,
            listed(&known)
        ),
    }
}

/// `` `a`, `b`, `c` ``.
pub fn listed(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
