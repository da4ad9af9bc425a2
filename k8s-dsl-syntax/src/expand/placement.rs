//! A pod's OS, host aliases, readiness gates and topology spread constraints to
//! `k8s_dsl::pod::{OsName, HostAlias, TopologySpread}` values.

use proc_macro2::TokenStream;
use quote::quote;

use super::{calls, enum_value, string, taken, tokens, Chain};
use crate::ast::Block;
use crate::ctxt::Ctxt;
use crate::keys::{self, Enum};

/// `os: { name }`: the `OsName` value.
pub fn os(block: &Block, cx: &mut Ctxt) -> TokenStream {
    match block.get("name") {
        Some(name) => enum_value(Enum::OsName, name, cx),
        None => quote!(),
    }
}

/// A host alias: `HostAlias::new(ip, [])` and its host names.
pub fn host_alias(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let ip = string(block.get("ip"));
    let none = quote!(::std::vec::Vec::<::std::string::String>::new());
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::HostAlias::new(#ip, #none)));
    calls(&mut chain, block, &keys::HOST_ALIAS, cx, &mut taken);
    chain.finish()
}

/// A readiness gate: its condition type.
pub fn readiness_gate(block: &Block, _cx: &mut Ctxt) -> TokenStream {
    block.get("conditionType").map(tokens).unwrap_or_default()
}

/// A topology spread constraint: `TopologySpread::new(key, skew, when)` and its other keys.
pub fn topology_spread(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let key = string(block.get("topologyKey"));
    let skew = block.get("maxSkew").map(tokens).unwrap_or_default();
    let when = match block.get("whenUnsatisfiable") {
        Some(when) => enum_value(Enum::WhenUnsatisfiable, when, cx),
        None => quote!(),
    };
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::TopologySpread::new(#key, #skew, #when)));
    calls(&mut chain, block, &keys::TOPOLOGY_SPREAD, cx, &mut taken);
    chain.finish()
}
