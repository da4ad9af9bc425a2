//! A Job's pod failure and success policies to `k8s_dsl::workload::{PodFailureRule,
//! SuccessRule}` calls.

use proc_macro2::TokenStream;
use quote::quote;

use super::{enum_value, ints, map, string, strings, tokens, written_blocks, Chain};
use crate::ast::{Block, Value};
use crate::ctxt::Ctxt;
use crate::keys::Enum;

/// A rule of `podFailurePolicy`.
pub fn failure_rule(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let action = block
        .get("action")
        .map(|a| enum_value(Enum::PodFailurePolicyAction, a, cx))
        .unwrap_or_default();
    let mut chain = Chain::new(quote!(::k8s_dsl::workload::PodFailureRule::new(#action)));
    if let Some(Value::Block(codes)) = block.get("onExitCodes") {
        let operator = codes
            .get("operator")
            .map(|o| enum_value(Enum::OnExitCodesOperator, o, cx))
            .unwrap_or_default();
        let values = ints(codes.get("values"));
        chain.call("on_exit_codes", quote!(#operator, #values));
        if let Some(container) = codes.get("containerName") {
            chain.call("container", tokens(container));
        }
    }
    match block.get("onPodConditions") {
        Some(list @ Value::List(_)) => {
            for condition in written_blocks(list, "onPodConditions", cx) {
                let type_ = string(condition.get("type"));
                let status = condition
                    .get("status")
                    .map(|s| enum_value(Enum::ConditionStatus, s, cx))
                    .unwrap_or_default();
                chain.call("on_pod_condition", quote!(#type_, #status));
            }
        }
        Some(other) => chain.each_pair(&tokens(other), "on_pod_condition", other.span()),
        None => {}
    }
    chain.finish()
}

/// A Job's `selector`: `Selector::new()` with its labels and expressions.
pub fn selector(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(quote!(::k8s_dsl::workload::Selector::new()));
    if let Some(labels) = block.get("matchLabels") {
        map(&mut chain, labels, "label");
    }
    if let Some(expressions) = block.get("matchExpressions") {
        for requirement in written_blocks(expressions, "matchExpressions", cx) {
            let key = string(requirement.get("key"));
            let values = match requirement.get("values") {
                Some(v) => strings(Some(v)),
                None => quote!(::std::vec::Vec::<::std::string::String>::new()),
            };
            let op = match requirement.get("operator") {
                Some(Value::Ident(op)) => op.to_string(),
                // Reported by the checks.
                _ => continue,
            };
            match op.as_str() {
                "In" => chain.call("key_in", quote!(#key, #values)),
                "NotIn" => chain.call("key_not_in", quote!(#key, #values)),
                "Exists" => chain.call("exists", key),
                _ => chain.call("does_not_exist", key),
            }
        }
    }
    chain.finish()
}

/// A rule of `successPolicy`.
pub fn success_rule(block: &Block, _cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(quote!(::k8s_dsl::workload::SuccessRule::new()));
    if let Some(indexes) = block.get("succeededIndexes") {
        chain.call("succeeded_indexes", tokens(indexes));
    }
    if let Some(count) = block.get("succeededCount") {
        chain.call("succeeded_count", tokens(count));
    }
    chain.finish()
}
