//! Compile-time checks: a body against the key tables ([`crate::keys`]), every literal against
//! the shared rules ([`literal`]), then references and role rules between blocks (`refs`).
//!
//! Every check reports to the [`Ctxt`] and goes on, so one compile shows every mistake. Values
//! computed at run time (variables, expressions) are left to the builder's `build()`.

pub mod literal;
mod refs;
mod shape;
mod workload;

use crate::ast::{Block, Value};
use crate::ctxt::Ctxt;
use crate::keys::{self, Kind, Number, Spec, Text};
use crate::suggest;

/// Checks the body of `pod!`.
pub fn pod(body: &Block, cx: &mut Ctxt) {
    block(body, &keys::POD, cx);
    refs::pod_spec(body, cx);
}

/// Checks the body of `job!`.
pub fn job(body: &Block, cx: &mut Ctxt) {
    block(body, &keys::JOB, cx);
    refs::job_spec(body, cx);
}

/// Checks the body of `cronjob!`.
pub fn cronjob(body: &Block, cx: &mut Ctxt) {
    block(body, &keys::CRONJOB, cx);
    if let Some(job) = body.block("jobTemplate") {
        refs::job_spec(job, cx);
    }
}

/// Checks the body of `deployment!`.
pub fn deployment(body: &Block, cx: &mut Ctxt) {
    block(body, &keys::DEPLOYMENT, cx);
    workload::replicated(body, "deployment", refs::Volumes::Declared, cx);
    workload::rolling_update(body, cx);
}

/// Checks the body of `statefulset!`.
pub fn statefulset(body: &Block, cx: &mut Ctxt) {
    block(body, &keys::STATEFULSET, cx);
    workload::replicated(body, "stateful set", refs::Volumes::OrClaims, cx);
}

/// Checks one block against its table: unknown, duplicate and missing keys, each value, and
/// the one-of constraints.
fn block(block: &Block, spec: &'static Spec, cx: &mut Ctxt) {
    let mut seen: Vec<&str> = Vec::new();
    let mut unknown = false;
    for entry in &block.entries {
        let name = entry.key.name.as_str();
        let Some(key) = spec.key(name) else {
            cx.error(entry.key.span, suggest::unknown_key(name, spec));
            unknown = true;
            continue;
        };
        if seen.contains(&name) {
            cx.error(
                entry.key.span,
                format!("duplicate key `{name}` in {}; keep one of them", spec.what),
            );
            continue;
        }
        seen.push(name);
        value(&entry.value, key.kind, name, cx);
    }
    for key in spec.keys().filter(|k| k.required) {
        if !seen.contains(&key.name) && !block.unreadable.iter().any(|name| name == key.name) {
            cx.error(
                block.close,
                format!(
                    "missing key `{}` in {}; add `{}: {}`",
                    key.name,
                    spec.what,
                    key.name,
                    placeholder(key.kind)
                ),
            );
        }
    }
    for one_of in spec.one_of {
        let present: Vec<_> = block
            .entries
            .iter()
            .filter(|e| one_of.keys.contains(&e.key.name.as_str()))
            .collect();
        let listed = suggest::listed(one_of.keys);
        match present.as_slice() {
            // An unknown key was probably meant to be the missing one: reported already.
            [] if one_of.required
                && !unknown
                && !block
                    .unreadable
                    .iter()
                    .any(|name| one_of.keys.contains(&name.as_str())) =>
            {
                cx.error(
                    block.close,
                    format!(
                        "{} needs a {}; add one of {listed} (rule {})",
                        a(spec.what),
                        one_of.what,
                        one_of.rule
                    ),
                )
            }
            [first, rest @ ..] => {
                for extra in rest {
                    cx.error(
                        extra.key.span,
                        format!(
                            "{} has one {}; `{}` and `{}` are both given (rule {}); keep one",
                            a(spec.what),
                            one_of.what,
                            first.key.name,
                            extra.key.name,
                            one_of.rule
                        ),
                    );
                }
            }
            [] => {}
        }
    }
}

/// `a container`, `an env var`.
fn a(what: &str) -> String {
    match what.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {what}"),
        _ => format!("a {what}"),
    }
}

/// What to write for a missing key of this kind.
fn placeholder(kind: Kind) -> &'static str {
    match kind {
        Kind::Str(_) | Kind::Quantity => "\"...\"",
        Kind::Int(_) | Kind::Port | Kind::IntOrPercent => "<number>",
        Kind::Bool => "true",
        Kind::Duration => "10s",
        Kind::Enum(_) => "<value>",
        Kind::StrList(_) => "[\"...\"]",
        Kind::IntList(_) => "[<number>]",
        Kind::Map(..) | Kind::Block(_) => "{ ... }",
        Kind::Blocks(_) => "[ { ... } ]",
    }
}

/// What a key of this kind takes, for a message.
fn expected(kind: Kind) -> String {
    match kind {
        Kind::Str(_) => "a string".into(),
        Kind::Int(_) => "a number".into(),
        Kind::Bool => "`true` or `false`".into(),
        Kind::Duration => "a duration such as `10s`, `2m` or `1h30m`".into(),
        Kind::Enum(e) => format!("one of {}", literal::values(e)),
        Kind::Port => "a port number or a port name".into(),
        Kind::IntOrPercent => "a number such as `1` or a percentage such as `\"25%\"`".into(),
        Kind::Quantity => "a quantity such as `\"500m\"` or `\"1Gi\"`".into(),
        Kind::StrList(_) => "a list of strings `[\"a\", \"b\"]`".into(),
        Kind::IntList(_) => "a list of numbers `[1, 2]`".into(),
        Kind::Map(..) => "a block of `key: \"value\"` pairs".into(),
        Kind::Block(_) => "a block `{ ... }`".into(),
        Kind::Blocks(_) => "a list of blocks `[ { ... } ]`".into(),
    }
}

/// Reports a value of the wrong shape, with the fix when an obvious one exists.
fn wrong_shape(value: &Value, kind: Kind, key: &str, cx: &mut Ctxt) {
    let fix = match (value, kind) {
        (Value::Str(s), Kind::Int(_)) if s.value().parse::<i64>().is_ok() => {
            format!("remove the quotes: `{}`", s.value())
        }
        (Value::Str(s), Kind::Duration) if literal::duration(&s.value()).is_ok() => {
            format!("remove the quotes: `{}`", s.value())
        }
        (Value::Str(s), Kind::Enum(_)) => format!("remove the quotes: `{}`", s.value()),
        (Value::Str(s), Kind::Bool) if matches!(s.value().as_str(), "true" | "false") => {
            format!("remove the quotes: `{}`", s.value())
        }
        (Value::Int(i), Kind::Str(_)) => format!("write it as a string: `\"{}\"`", i.text()),
        (Value::Int(i), Kind::Duration) => format!("write `{}s`", i.text()),
        (Value::Str(_), Kind::StrList(_)) => "put it in a list: `[\"...\"]`".into(),
        (Value::Block(_), Kind::Blocks(_)) => "put it in a list: `[ { ... } ]`".into(),
        _ => format!("write {}", expected(kind)),
    };
    let message = match (value, kind) {
        (Value::Int(i), Kind::Duration) if i.lit.suffix().is_empty() => {
            format!("duration `{}` has no unit; {fix}", i.text())
        }
        _ => format!(
            "expected {} for `{key}`, found {}; {fix}",
            expected(kind),
            value.describe()
        ),
    };
    cx.error(value.span(), message);
}

/// Reports a float literal (`cpu: 0.5`, `timeoutSeconds: 1.5s`) with what to write instead:
/// quantities are strings, numbers and durations are whole.
fn float(
    tokens: &proc_macro2::TokenStream,
    span: proc_macro2::Span,
    kind: Kind,
    key: &str,
    cx: &mut Ctxt,
) {
    let Some((digits, suffix)) = literal::float(tokens) else {
        return;
    };
    let written = format!("{digits}{suffix}");
    let whole = digits.split_once('.').map_or(digits.as_str(), |(w, _)| w);
    // The whole numbers on either side (`1.5`: `1` or `2`), or the whole part alone (`2.0`).
    let neighbours = |unit: &str| match whole.parse::<i64>() {
        Ok(w) if digits.trim_end_matches('0').ends_with('.') => format!("`{w}{unit}`"),
        Ok(w) if w < 0 => format!("`{}{unit}` or `{w}{unit}`", w - 1),
        Ok(w) => format!("`{w}{unit}` or `{}{unit}`", w + 1),
        Err(_) => format!("a whole number{unit}"),
    };
    let fix = match kind {
        Kind::Quantity => format!(
            "a quantity is a string: write `\"{}\"`",
            literal::float_as_quantity(&digits)
        ),
        Kind::Str(_) => format!("write it as a string: `\"{written}\"`"),
        Kind::Duration => format!("`{key}` counts whole seconds: write {}", neighbours("s")),
        Kind::Int(_) | Kind::Port | Kind::IntOrPercent | Kind::IntList(_) => {
            format!("`{key}` takes a whole number: write {}", neighbours(""))
        }
        other => format!("write {}", expected(other)),
    };
    cx.error(
        span,
        format!(
            "expected {} for `{key}`, found the float `{written}`; {fix}",
            expected(kind)
        ),
    );
}

/// Checks one value against the kind its key takes.
fn value(value: &Value, kind: Kind, key: &str, cx: &mut Ctxt) {
    match (value, kind) {
        // A float: no key takes one (rustc's trait error would not say what to write).
        (Value::Expr(tokens, span), kind) if literal::float(tokens).is_some() => {
            float(tokens, *span, kind, key, cx);
        }
        // Computed at run time: rustc checks the type, `build()` the value.
        (Value::Expr(..), _) => {}
        (
            Value::Ident(_),
            Kind::Str(_)
            | Kind::Int(_)
            | Kind::Bool
            | Kind::Duration
            | Kind::Port
            | Kind::Quantity
            | Kind::IntOrPercent
            | Kind::StrList(_)
            | Kind::IntList(_)
            | Kind::Map(..)
            | Kind::Block(_)
            | Kind::Blocks(_),
        ) => {}
        (Value::Str(s), Kind::Str(text)) => {
            if let Err(v) = literal::text(text, &s.value()) {
                cx.violation(s.span(), &v);
            }
        }
        (Value::Int(i), Kind::Int(number)) => int(i, number, key, cx),
        (Value::Int(i), Kind::Port) => int(i, Number::HandlerPort, key, cx),
        (Value::Str(s), Kind::Port) => {
            if let Err(v) = literal::handler_port_name(&s.value()) {
                cx.violation(s.span(), &v);
            }
        }
        (Value::Bool(..), Kind::Bool) => {}
        (Value::Int(i), Kind::Duration) if !i.lit.suffix().is_empty() => {
            if let Err(v) = literal::duration(&i.text()) {
                cx.violation(i.lit.span(), &v);
            }
        }
        (Value::Ident(ident), Kind::Enum(e)) => {
            if let Err(v) = literal::variant(e, &ident.to_string()) {
                cx.violation(ident.span(), &v);
            }
        }
        (Value::Int(_) | Value::Str(_), Kind::IntOrPercent) => {
            workload::int_or_percent(value, key, cx);
        }
        (Value::Str(s), Kind::Quantity) => {
            if let Err(v) = literal::text(Text::Quantity, &s.value()) {
                cx.violation(s.span(), &v);
            }
        }
        (Value::Int(i), Kind::Quantity) => {
            if let Err(v) = literal::text(Text::Quantity, &i.text()) {
                cx.violation(i.lit.span(), &v);
            }
        }
        (Value::List(list), Kind::StrList(text)) => {
            for item in &list.items {
                match item {
                    Value::Str(s) => {
                        if let Err(v) = literal::text(text, &s.value()) {
                            cx.violation(s.span(), &v);
                        }
                    }
                    Value::Ident(_) | Value::Expr(..) => {}
                    other => wrong_shape(other, Kind::Str(text), key, cx),
                }
            }
        }
        (Value::List(list), Kind::IntList(number)) => {
            for item in &list.items {
                match item {
                    Value::Int(i) => int(i, number, key, cx),
                    Value::Ident(_) | Value::Expr(..) => {}
                    other => wrong_shape(other, Kind::Int(number), key, cx),
                }
            }
        }
        (Value::Block(map), Kind::Map(key_rule, value_rule)) => {
            let mut seen: Vec<&str> = Vec::new();
            for entry in &map.entries {
                let name = entry.key.name.as_str();
                if seen.contains(&name) {
                    cx.error(
                        entry.key.span,
                        format!("duplicate key `{name}` in `{key}`; keep one of them"),
                    );
                }
                seen.push(name);
                if let Err(v) = literal::text(key_rule, name) {
                    cx.violation(entry.key.span, &v);
                }
                let kind = match value_rule {
                    Text::Quantity => Kind::Quantity,
                    other => Kind::Str(other),
                };
                self::value(&entry.value, kind, name, cx);
            }
        }
        (Value::Block(inner), Kind::Block(spec)) => block(inner, spec, cx),
        (Value::List(list), Kind::Blocks(spec)) => {
            for item in &list.items {
                match item {
                    Value::Block(inner) => block(inner, spec, cx),
                    Value::Ident(_) | Value::Expr(..) => {}
                    other => wrong_shape(other, Kind::Block(spec), key, cx),
                }
            }
        }
        (other, kind) => wrong_shape(other, kind, key, cx),
    }
}

/// Checks an integer literal: no suffix, in range for its key.
fn int(int: &crate::ast::Int, number: Number, key: &str, cx: &mut Ctxt) {
    let suffix = int.lit.suffix();
    if !suffix.is_empty() {
        cx.error(
            int.lit.span(),
            format!(
                "`{key}` is a plain number, not a duration or a typed literal; remove `{suffix}`"
            ),
        );
        return;
    }
    match int.value() {
        Some(v) => {
            if let Err(violation) = literal::number(number, key, v) {
                cx.violation(int.lit.span(), &violation);
            }
        }
        None => cx.error(
            int.lit.span(),
            format!(
                "`{}` is too large for `{key}`; use a 32-bit integer",
                int.text()
            ),
        ),
    }
}
