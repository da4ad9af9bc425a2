//! `deployment!` and `statefulset!`: the workload's keys as `k8s_dsl::workload` builder calls, its
//! pod template as `Pod::template()` with the keys of a pod.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{calls, pod_entries, tokens, Chain};
use crate::ast::{Block, Value};
use crate::ctxt::Ctxt;
use crate::keys;

/// `deployment! { ... }`.
pub fn deployment(body: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = super::string(body.get("name"));
    let mut chain = Chain::new(quote!(::k8s_dsl::workload::Deployment::new(#name)));
    calls(
        &mut chain,
        body,
        &keys::DEPLOYMENT,
        cx,
        &mut |chain, entry, _| {
            // `name` is the constructor's.
            if entry.key.name == "strategy" {
                chain.call("strategy", strategy(&entry.value));
            }
        },
    );
    chain.finish()
}

/// `statefulset! { ... }`.
pub fn statefulset(body: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = super::string(body.get("name"));
    let mut chain = Chain::new(quote!(::k8s_dsl::workload::StatefulSet::new(#name)));
    // `name` is the constructor's; every other key is a call of its row.
    calls(&mut chain, body, &keys::STATEFULSET, cx, &mut |_, _, _| {});
    chain.finish()
}

/// A pod template without a name: `Pod::template()` with the keys of a pod.
pub(super) fn pod_template(template: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut pod = Chain::new(quote!(::k8s_dsl::pod::Pod::template()));
    pod_entries(&mut pod, template, &keys::POD_TEMPLATE, cx);
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
pub(super) fn int_or_percent(value: &Value) -> TokenStream {
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
