//! `deployment!`: the Deployment's keys as `k8s_dsl::workload::Deployment` builder calls, its
//! pod template as `Pod::template()` with the keys of a pod.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{duration, internal, job_policy, meta, pod_entries, tokens, Chain};
use crate::ast::{Block, Value};
use crate::ctxt::Ctxt;

/// `deployment! { ... }`.
pub fn deployment(body: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = super::string(body.get("name"));
    let mut chain = Chain::new(quote!(::k8s_dsl::workload::Deployment::new(#name)));
    for entry in &body.entries {
        let key = entry.key.name.as_str();
        let value = &entry.value;
        if meta(&mut chain, key, value) {
            continue;
        }
        match key {
            "name" => {}
            "replicas" => chain.call("replicas", tokens(value)),
            "minReadySeconds" => chain.call("min_ready", duration(value, cx)),
            "progressDeadlineSeconds" => chain.call("progress_deadline", duration(value, cx)),
            "revisionHistoryLimit" => chain.call("revision_history_limit", tokens(value)),
            "paused" => chain.call("paused", tokens(value)),
            "strategy" => chain.call("strategy", strategy(value)),
            "selector" => match value {
                Value::Block(selector) => {
                    chain.call("selector", job_policy::selector(selector, cx));
                }
                other => chain.call("selector", tokens(other)),
            },
            "template" => chain.call("template", pod_template(value, cx)),
            other => internal(cx, entry.key.span, other),
        }
    }
    chain.finish()
}

/// A pod template without a name: `Pod::template()` with the keys of a pod.
fn pod_template(value: &Value, cx: &mut Ctxt) -> TokenStream {
    let Value::Block(template) = value else {
        return tokens(value);
    };
    let mut pod = Chain::new(quote!(::k8s_dsl::pod::Pod::template()));
    pod_entries(&mut pod, template, false, cx);
    pod.finish()
}

/// `strategy: { type: Recreate }` or `{ type: RollingUpdate, rollingUpdate: { .. } }`.
fn strategy(value: &Value) -> TokenStream {
    let Value::Block(strategy) = value else {
        return tokens(value);
    };
    match strategy.get("type") {
        Some(Value::Ident(kind)) if kind == "Recreate" => {
            quote!(::k8s_dsl::workload::DeploymentStrategy::Recreate)
        }
        _ => {
            let mut update = Chain::new(quote!(
                ::k8s_dsl::workload::DeploymentStrategy::rolling_update()
            ));
            if let Some(limits) = strategy.block("rollingUpdate") {
                for entry in &limits.entries {
                    let method = match entry.key.name.as_str() {
                        "maxSurge" => "max_surge",
                        _ => "max_unavailable",
                    };
                    update.call(method, int_or_percent(&entry.value));
                }
            }
            update.finish()
        }
    }
}

/// A number (as an `i32`), a percentage string, or an expression.
fn int_or_percent(value: &Value) -> TokenStream {
    match value {
        Value::Int(i) => {
            let mut lit = Literal::i32_suffixed(
                i.value()
                    .and_then(|v| i32::try_from(v).ok())
                    .unwrap_or_default(),
            );
            lit.set_span(i.lit.span());
            quote!(#lit)
        }
        other => tokens(other),
    }
}
