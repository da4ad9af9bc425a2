//! The rules of the workloads that keep pods running (`deployment!`): the pod template's
//! restart policy, the selector against the template's labels, and the rolling update limits
//! (rule 65), as `build()` checks them in `k8s_dsl::workload`.

use super::refs::Volumes;
use crate::ast::{Block, Value};
use crate::ctxt::Ctxt;

/// Checks a workload body whose `template` must keep its pods running and whose `selector`
/// (if written) must match the template's labels. `kind` names the workload in messages.
/// `volumes` says what its containers may mount.
pub fn replicated(body: &Block, kind: &str, volumes: Volumes, cx: &mut Ctxt) {
    let Some(template) = body.block("template") else {
        return;
    };
    super::refs::pod_spec_of(template, volumes, cx);
    restart_always(template, kind, cx);
    selector_matches_labels(body, template, kind, cx);
}

/// Rule 65: the pods of a Deployment (StatefulSet, DaemonSet) restart always.
fn restart_always(template: &Block, kind: &str, cx: &mut Ctxt) {
    if let Some(Value::Ident(policy)) = template.get("restartPolicy") {
        if policy != "Always" {
            cx.error(
                policy.span(),
                format!(
                    "a {kind}'s pods must use restart policy `Always`, not `{policy}`; remove \
                     `restartPolicy` (or use a job for pods that finish) (rule 65)"
                ),
            );
        }
    }
}

/// Rule 65: the selector is the template's labels unless written; a written one is not empty
/// and every `matchLabels` entry is one of the template's labels, with the same value.
fn selector_matches_labels(body: &Block, template: &Block, kind: &str, cx: &mut Ctxt) {
    let labels = template.block("labels");
    let Some(selector) = body.block("selector") else {
        if let (None, None) = (labels, template.get("labels")) {
            cx.error(
                template.close,
                format!(
                    "a {kind} selects its pods by their labels; add `labels: {{ app: \"...\" }}` \
                     to the template (rule 65)"
                ),
            );
        }
        return;
    };
    let match_labels = selector.block("matchLabels");
    let expressions = selector.get("matchExpressions");
    let empty = match (match_labels, selector.get("matchLabels"), expressions) {
        (_, None, None) => true,
        (Some(m), _, None) => m.entries.is_empty(),
        _ => false,
    };
    if empty {
        cx.error(
            selector.close,
            format!(
                "empty selector is invalid for a {kind}; select the pods by at least one of \
                 their labels (rule 65)"
            ),
        );
        return;
    }
    // Computed labels or selector values are compared by `build()`.
    let (Some(match_labels), Some(labels)) = (match_labels, labels) else {
        return;
    };
    for entry in &match_labels.entries {
        let Value::Str(wanted) = &entry.value else {
            continue;
        };
        let key = &entry.key.name;
        let found = labels.entries.iter().find(|l| &l.key.name == key);
        let matches = match found.map(|l| &l.value) {
            Some(Value::Str(value)) => value.value() == wanted.value(),
            // Computed: left to `build()`.
            Some(_) => true,
            None => false,
        };
        if !matches {
            cx.error(
                entry.key.span,
                format!(
                    "`selector` does not match template `labels`: the template has no label \
                     `{key}: {:?}`; give the template that label, or leave the selector out \
                     to derive it from the labels (rule 65)",
                    wanted.value()
                ),
            );
        }
    }
}

/// Rule 65: `maxSurge` and `maxUnavailable` of a rolling update are not both 0.
pub fn rolling_update(body: &Block, cx: &mut Ctxt) {
    let Some(update) = body
        .block("strategy")
        .and_then(|s| s.block("rollingUpdate"))
    else {
        return;
    };
    let zero = |key: &str| match update.get(key) {
        Some(Value::Int(i)) => i.value() == Some(0),
        Some(Value::Str(s)) => s.value() == "0%",
        _ => false,
    };
    if zero("maxSurge") && zero("maxUnavailable") {
        if let Some(entry) = update.entry("maxUnavailable") {
            cx.error(
                entry.value.span(),
                "`maxSurge` and `maxUnavailable` may not both be 0 (the rollout could never \
                 progress); allow at least one extra or one unavailable pod (rule 65)",
            );
        }
    }
    if let Some(Value::Ident(kind)) = body.block("strategy").and_then(|s| s.get("type")) {
        if kind == "Recreate" {
            if let Some(entry) = body
                .block("strategy")
                .and_then(|s| s.entry("rollingUpdate"))
            {
                cx.error(
                    entry.key.span,
                    "`rollingUpdate` goes with `type: RollingUpdate`; remove it, or use \
                     `type: RollingUpdate` (rule 65)",
                );
            }
        }
    }
}

/// `maxSurge` / `maxUnavailable`: a number (zero or more) or a percentage (`"25%"`).
pub fn int_or_percent(value: &Value, key: &str, cx: &mut Ctxt) {
    match value {
        Value::Int(i) if i.negative || !i.lit.suffix().is_empty() => {
            cx.error(
                i.lit.span(),
                format!(
                    "`{key}` must be zero or more, not `{}`; use a whole number such as `1` or \
                     a percentage such as `\"25%\"` (rule 65)",
                    i.text()
                ),
            );
        }
        Value::Str(s) => {
            let text = s.value();
            let digits = text.strip_suffix('%').unwrap_or(&text);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                cx.error(
                    s.span(),
                    format!(
                        "`{key}` is neither a number nor a percentage: {text:?}; use a whole \
                         number such as `1` or a percentage such as `\"25%\"` (rule 65)"
                    ),
                );
            }
        }
        _ => {}
    }
}
