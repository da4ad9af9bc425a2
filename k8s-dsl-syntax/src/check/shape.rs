//! Combinations of keys a builder cannot express, reported on the token that makes them
//! impossible: a value the API forbids together with another key, or an operator that picks the
//! builder's constructor but is computed at run time. (What the builder can express is left to
//! its `build()`, so each rule is checked in one place.)

use crate::ast::{Block, Value};
use crate::ctxt::Ctxt;
use crate::keys::{self, Enum};

use super::literal;

/// Checks the tolerations, affinity and seccomp profiles of a pod spec (the `pod!` body or a
/// template).
pub fn pod_spec(pod: &Block, cx: &mut Ctxt) {
    for toleration in pod.blocks("tolerations") {
        toleration_value(toleration, cx);
    }
    if let Some(affinity) = pod.block("affinity") {
        affinity_requirements(affinity, cx);
    }
    if let Some(context) = pod.block("securityContext") {
        seccomp_localhost(context, cx);
    }
    for list in keys::CONTAINER_LISTS {
        for container in pod.blocks(list) {
            if let Some(context) = container.block("securityContext") {
                seccomp_localhost(context, cx);
            }
        }
    }
}

/// Checks the selector of a Job spec (the `job!` body or a CronJob's `jobTemplate`).
pub fn job_spec(job: &Block, cx: &mut Ctxt) {
    manual_selector(job, cx);
    if let Some(selector) = job.block("selector") {
        for requirement in selector.blocks("matchExpressions") {
            requirement_values(requirement, Enum::LabelSelectorOperator, cx);
        }
    }
}

/// `manualSelector: true` goes with a `selector`: the builder's `manual_selector(selector)`
/// writes both, so one without the other cannot be expressed.
fn manual_selector(job: &Block, cx: &mut Ctxt) {
    let has_selector = job.get("selector").is_some();
    match (job.get("manualSelector"), has_selector) {
        (None, _) | (Some(Value::Bool(true, _)), true) => {}
        (Some(value), true) => cx.error(
            value.span(),
            "a `selector` makes the job's selector manual; write `manualSelector: true` or \
             remove `manualSelector`",
        ),
        (Some(value), false) => cx.error(
            value.span(),
            "`manualSelector` goes with a `selector`; add `selector: { matchLabels: { ... } }`, \
             or remove `manualSelector` to let the API server generate the selector",
        ),
    }
}

/// The bare identifier under `key`, if it is one.
fn ident<'a>(block: &'a Block, key: &str) -> Option<&'a syn::Ident> {
    match block.get(key) {
        Some(Value::Ident(ident)) => Some(ident),
        _ => None,
    }
}

/// Rule 43 (`ValidateTolerations`): operator `Exists` requires an empty value. The builder's
/// `Toleration::exists` takes no value, so one written here could only be dropped.
fn toleration_value(toleration: &Block, cx: &mut Ctxt) {
    match toleration.get("operator") {
        Some(Value::Ident(op)) if op == "Exists" => {
            if let Some(value) = toleration.get("value") {
                cx.error(
                    value.span(),
                    "a toleration with operator `Exists` takes no `value`; remove `value`, or \
                     use operator `Equal` (rule 43)",
                );
            }
        }
        Some(other @ Value::Expr(..)) => {
            operator_not_written(other, Enum::TolerationOperator, "`Toleration`", cx);
        }
        _ => {}
    }
}

/// Reports an operator computed at run time where it picks the builder's constructor.
fn operator_not_written(value: &Value, kind: Enum, builder: &str, cx: &mut Ctxt) {
    cx.error(
        value.span(),
        format!(
            "the operator chooses the form of the {builder} and is written as a value here: one \
             of {}; for a computed operator, give the whole item as a Rust expression",
            literal::values(kind)
        ),
    );
}

/// The `matchExpressions` of every term of an affinity.
fn affinity_requirements(affinity: &Block, cx: &mut Ctxt) {
    if let Some(node) = affinity.block("nodeAffinity") {
        let required = node
            .block(keys::REQUIRED)
            .into_iter()
            .flat_map(|s| s.blocks("nodeSelectorTerms"));
        let preferred = node
            .blocks(keys::PREFERRED)
            .filter_map(|p| p.block("preference"));
        for term in required.chain(preferred) {
            for requirement in term.blocks("matchExpressions") {
                requirement_values(requirement, Enum::NodeSelectorOperator, cx);
            }
        }
    }
    for field in ["podAffinity", "podAntiAffinity"] {
        let Some(pods) = affinity.block(field) else {
            continue;
        };
        let required = pods.blocks(keys::REQUIRED);
        let preferred = pods
            .blocks(keys::PREFERRED)
            .filter_map(|p| p.block("podAffinityTerm"));
        for term in required.chain(preferred) {
            let Some(selector) = term.block("labelSelector") else {
                continue;
            };
            for requirement in selector.blocks("matchExpressions") {
                requirement_values(requirement, Enum::LabelSelectorOperator, cx);
            }
        }
    }
}

/// Rule 43 (`ValidateNodeSelectorRequirement`, `ValidateLabelSelectorRequirement`): `Exists` and
/// `DoesNotExist` take no values, `Gt` and `Lt` take exactly one integer. The builder's
/// `Requirement` constructors take exactly that, so anything else cannot be expressed.
fn requirement_values(requirement: &Block, kind: Enum, cx: &mut Ctxt) {
    let op = match requirement.get("operator") {
        Some(Value::Ident(op)) => op,
        Some(other) => {
            operator_not_written(other, kind, "`Requirement`", cx);
            return;
        }
        None => return,
    };
    let values = requirement.get("values");
    match op.to_string().as_str() {
        "Exists" | "DoesNotExist" => {
            if let Some(values) = values {
                cx.error(
                    values.span(),
                    format!(
                        "operator `{op}` takes no `values`; remove `values`, or use operator \
                         `In` (rule 43)"
                    ),
                );
            }
        }
        "Gt" | "Lt" => {
            let one = match values {
                Some(Value::List(list)) => match list.items.as_slice() {
                    [Value::Str(s)] => s.value().parse::<i64>().is_ok(),
                    [Value::Int(i)] => i.value().is_some() && i.lit.suffix().is_empty(),
                    [Value::Ident(_) | Value::Expr(..)] => true,
                    _ => false,
                },
                _ => false,
            };
            if !one {
                let span = values.map_or(requirement.close, Value::span);
                cx.error(
                    span,
                    format!(
                        "operator `{op}` takes exactly one integer value; write `values: [\"5\"]` \
                         (rule 43)"
                    ),
                );
            }
        }
        _ => {}
    }
}

/// `localhostProfile` is only for `type: Localhost` (`validateSeccompProfileField`); the
/// builder's `seccomp_localhost` sets that type itself.
fn seccomp_localhost(context: &Block, cx: &mut Ctxt) {
    let Some(seccomp) = context.block("seccompProfile") else {
        return;
    };
    let Some(profile) = seccomp.get("localhostProfile") else {
        return;
    };
    match ident(seccomp, "type") {
        Some(ty) if ty == "Localhost" => {}
        Some(ty) => cx.error(
            profile.span(),
            format!(
                "`localhostProfile` is only for `type: Localhost`, not `{ty}`; use \
                 `type: Localhost` or remove `localhostProfile`"
            ),
        ),
        None => cx.error(
            profile.span(),
            "`localhostProfile` is only for `type: Localhost`; write `type: Localhost` as a \
             value, or remove `localhostProfile`",
        ),
    }
}
