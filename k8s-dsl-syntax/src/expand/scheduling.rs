//! Tolerations and affinity to `k8s_dsl::pod::{Toleration, Affinity, NodeTerm, PodTerm,
//! Requirement}` calls.

use proc_macro2::TokenStream;
use quote::quote;

use super::{
    blocks, duration, each_string, enum_value, map, nested, string, strings, tokens, written_block,
    written_blocks, Chain,
};
use crate::ast::{Block, Value};
use crate::ctxt::Ctxt;
use crate::keys::{self, Enum};

/// The operator written bare under `key`, as text (`None` when absent or computed; a computed
/// operator is reported by the checks).
fn operator(block: &Block) -> Option<String> {
    match block.get("operator") {
        Some(Value::Ident(op)) => Some(op.to_string()),
        _ => None,
    }
}

/// A toleration: `Toleration::equal`, `::exists` or `::everything` by its operator and key.
pub fn toleration(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let key = block.get("key");
    let base = match (operator(block).as_deref(), key) {
        (Some("Exists"), Some(key)) => {
            let key = tokens(key);
            quote!(::k8s_dsl::pod::Toleration::exists(#key))
        }
        (Some("Exists"), None) => quote!(::k8s_dsl::pod::Toleration::everything()),
        _ => {
            let key = key.map_or_else(|| quote!(""), tokens);
            let value = block.get("value").map_or_else(|| quote!(""), tokens);
            quote!(::k8s_dsl::pod::Toleration::equal(#key, #value))
        }
    };
    let mut chain = Chain::new(base);
    if let Some(effect) = block.get("effect") {
        chain.call("effect", enum_value(Enum::TaintEffect, effect, cx));
    }
    if let Some(seconds) = block.get("tolerationSeconds") {
        chain.call("for_duration", duration(seconds, cx));
    }
    chain.finish()
}

/// A `matchExpressions` item: the `Requirement` constructor of its operator.
fn requirement(block: &Block, _cx: &mut Ctxt) -> TokenStream {
    let key = string(block.get("key"));
    let values = block.get("values");
    let list = || match values {
        Some(v) => strings(Some(v)),
        None => quote!(::std::vec::Vec::<::std::string::String>::new()),
    };
    let requirement = quote!(::k8s_dsl::pod::Requirement);
    match operator(block).as_deref() {
        Some("In") => {
            let values = list();
            quote!(#requirement::is_in(#key, #values))
        }
        Some("NotIn") => {
            let values = list();
            quote!(#requirement::not_in(#key, #values))
        }
        Some("Exists") => quote!(#requirement::exists(#key)),
        Some("DoesNotExist") => quote!(#requirement::does_not_exist(#key)),
        Some(op @ ("Gt" | "Lt")) => {
            let value = match values {
                Some(Value::List(list)) => match list.items.first() {
                    Some(Value::Str(s)) => {
                        let n = proc_macro2::Literal::i64_unsuffixed(
                            s.value().parse::<i64>().unwrap_or_default(),
                        );
                        quote!(#n)
                    }
                    Some(other) => tokens(other),
                    None => quote!(0),
                },
                _ => quote!(0),
            };
            if op == "Gt" {
                quote!(#requirement::greater_than(#key, #value))
            } else {
                quote!(#requirement::less_than(#key, #value))
            }
        }
        // Reported by the checks (an unknown or computed operator).
        _ => quote!(),
    }
}

/// A node selector term.
fn node_term(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::NodeTerm::new()));
    if let Some(expressions) = block.get("matchExpressions") {
        blocks(&mut chain, expressions, "matching", cx, requirement);
    }
    chain.finish()
}

/// A pod affinity term.
fn pod_term(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let topology = string(block.get("topologyKey"));
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::PodTerm::new(#topology)));
    if let Some(selector) = block.get("labelSelector") {
        if let Some(selector) = written_block(selector, "labelSelector", cx) {
            for entry in &selector.entries {
                match entry.key.name.as_str() {
                    "matchLabels" => map(&mut chain, &entry.value, "label"),
                    _ => blocks(&mut chain, &entry.value, "matching", cx, requirement),
                }
            }
        }
    }
    if let Some(namespaces) = block.get("namespaces") {
        each_string(&mut chain, namespaces, "namespace");
    }
    chain.finish()
}

/// The weighted terms under `preferred...`: `method(weight, term)` for each.
fn weighted(
    chain: &mut Chain,
    value: &Value,
    method: &str,
    term_key: &str,
    cx: &mut Ctxt,
    term: fn(&Block, &mut Ctxt) -> TokenStream,
) {
    for item in written_blocks(value, keys::PREFERRED, cx) {
        let weight = string(item.get("weight"));
        let term = item
            .get(term_key)
            .map(|t| nested(t, cx, term))
            .unwrap_or_default();
        chain.call(method, quote!(#weight, #term));
    }
}

/// `affinity: { nodeAffinity, podAffinity, podAntiAffinity }`.
pub fn affinity(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::Affinity::new()));
    for entry in &block.entries {
        let field = entry.key.name.as_str();
        let Some(inner) = written_block(&entry.value, field, cx) else {
            continue;
        };
        let (require, prefer) = match field {
            "nodeAffinity" => ("require_node", "prefer_node"),
            "podAffinity" => ("require_pod", "prefer_pod"),
            _ => ("avoid_pod", "prefer_avoid_pod"),
        };
        for term in &inner.entries {
            let value = &term.value;
            match (field, term.key.name.as_str()) {
                ("nodeAffinity", keys::REQUIRED) => {
                    if let Some(selector) = written_block(value, keys::REQUIRED, cx) {
                        if let Some(terms) = selector.get("nodeSelectorTerms") {
                            blocks(&mut chain, terms, require, cx, node_term);
                        }
                    }
                }
                ("nodeAffinity", _) => {
                    weighted(&mut chain, value, prefer, "preference", cx, node_term);
                }
                (_, keys::REQUIRED) => blocks(&mut chain, value, require, cx, pod_term),
                _ => weighted(&mut chain, value, prefer, "podAffinityTerm", cx, pod_term),
            }
        }
    }
    chain.finish()
}
