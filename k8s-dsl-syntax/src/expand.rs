//! Checked syntax to builder calls of `k8s-dsl`: `pod!` becomes `Pod::new(..).label(..)
//! .container(Container::new(..)...)`, so the macros and the builders share one model.
//!
//! Literals are passed as they are (strings, numbers) or, when already parsed, through
//! `k8s_dsl::__private` (a duration as its seconds). User expressions are spliced with their
//! own spans, so a type error lands on the user's expression.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use crate::ast::{Block, Entry, Value};
use crate::check::literal;
use crate::ctxt::Ctxt;
use crate::keys::{self, Call, Enum, Key, Kind, Number, Spec};

mod job_policy;
mod placement;
mod scheduling;
mod workload;

pub use workload::{deployment, statefulset};

/// A chain of builder calls being written.
struct Chain {
    acc: TokenStream,
}

impl Chain {
    /// A chain starting at `start` (a constructor call).
    fn new(start: TokenStream) -> Self {
        Chain { acc: start }
    }

    /// `acc.method(args)`.
    fn call(&mut self, method: &str, args: TokenStream) {
        let method = format_ident!("{method}");
        let acc = &self.acc;
        self.acc = quote!(#acc.#method(#args));
    }

    /// `acc.method(item)` for each item of a run-time collection.
    fn each(&mut self, items: &TokenStream, method: &str, span: Span) {
        let method = format_ident!("{method}");
        let acc = &self.acc;
        self.acc =
            quote_spanned!(span=> ::k8s_dsl::__private::each(#acc, #items, |b, x| b.#method(x)));
    }

    /// `acc.method(k, v)` for each pair of a run-time map.
    fn each_pair(&mut self, items: &TokenStream, method: &str, span: Span) {
        let method = format_ident!("{method}");
        let acc = &self.acc;
        self.acc = quote_spanned!(span=> ::k8s_dsl::__private::each(#acc, #items, |b, (k, v)| b.#method(k, v)));
    }

    /// `acc.method()` when `on` (a literal or an expression).
    fn flag(&mut self, method: &str, on: &Value) {
        match on {
            Value::Bool(true, _) => self.call(method, quote!()),
            Value::Bool(false, _) => {}
            other => {
                let method = format_ident!("{method}");
                let on = tokens(other);
                let acc = &self.acc;
                self.acc = quote!(::k8s_dsl::__private::flag(#acc, #on, |b| b.#method()));
            }
        }
    }

    /// The finished expression.
    fn finish(self) -> TokenStream {
        self.acc
    }
}

/// The tokens of a value used as is (a literal or an expression).
fn tokens(value: &Value) -> TokenStream {
    match value {
        Value::Str(s) => quote!(#s),
        Value::Int(i) => int_literal(i),
        Value::Bool(b, span) => quote_spanned!(*span=> #b),
        Value::Ident(ident) => quote!(#ident),
        Value::Expr(expr, _) => expr.clone(),
        Value::List(_) | Value::Block(_) => quote!(),
    }
}

/// An integer literal without suffix.
fn int_literal(int: &crate::ast::Int) -> TokenStream {
    let mut lit = Literal::i64_unsuffixed(int.value().unwrap_or_default());
    lit.set_span(int.lit.span());
    quote!(#lit)
}

/// A string: the literal, or the expression.
fn string(value: Option<&Value>) -> TokenStream {
    value.map(tokens).unwrap_or_default()
}

/// A quantity: a string literal, a number written as a string, or an expression.
fn quantity(value: &Value) -> TokenStream {
    match value {
        Value::Int(i) => {
            let text = Literal::string(&i.text());
            quote!(#text)
        }
        other => tokens(other),
    }
}

/// A duration: a checked literal as its seconds, or an expression.
fn duration(value: &Value, cx: &mut Ctxt) -> TokenStream {
    match value {
        Value::Int(i) => match literal::duration(&i.text()) {
            Ok(d) => {
                let secs = Literal::u32_unsuffixed(u32::try_from(d.as_secs()).unwrap_or(u32::MAX));
                quote_spanned!(i.lit.span()=> ::k8s_dsl::__private::secs(#secs))
            }
            Err(v) => {
                cx.violation(i.lit.span(), &v);
                quote!()
            }
        },
        other => tokens(other),
    }
}

/// An enum value: the variant path, or an expression.
fn enum_value(kind: Enum, value: &Value, cx: &mut Ctxt) -> TokenStream {
    match value {
        Value::Ident(ident) => match literal::variant(kind, &ident.to_string()) {
            Ok(v) => {
                let ty = v.ty.split("::").map(|segment| format_ident!("{segment}"));
                let variant = format_ident!("{}", v.variant, span = ident.span());
                quote!(::k8s_dsl #(::#ty)*::#variant)
            }
            Err(v) => {
                cx.violation(ident.span(), &v);
                quote!()
            }
        },
        other => tokens(other),
    }
}

/// A port: a number, a name, or an expression.
fn port(value: Option<&Value>) -> TokenStream {
    match value {
        Some(Value::Int(i)) => {
            let mut lit = Literal::i32_suffixed(
                i.value()
                    .and_then(|v| i32::try_from(v).ok())
                    .unwrap_or_default(),
            );
            lit.set_span(i.lit.span());
            quote!(#lit)
        }
        other => string(other),
    }
}

/// A list of strings: an array, or an expression.
fn strings(value: Option<&Value>) -> TokenStream {
    match value {
        Some(Value::List(list)) => {
            let items = list.items.iter().map(tokens);
            if list.items.is_empty() {
                quote!(::std::vec::Vec::<::std::string::String>::new())
            } else if list.items.iter().all(|v| matches!(v, Value::Str(_))) {
                quote!([#(#items),*])
            } else {
                quote!([#(::std::string::String::from(#items)),*])
            }
        }
        other => string(other),
    }
}

/// A list of numbers: an array, or an expression.
fn ints(value: Option<&Value>) -> TokenStream {
    match value {
        Some(Value::List(list)) if list.items.is_empty() => quote!(::std::vec::Vec::<i32>::new()),
        Some(Value::List(list)) => {
            let items = list.items.iter().map(tokens);
            quote!([#(#items),*])
        }
        other => string(other),
    }
}

/// The block `value` is, or an error saying that `key` is written as a block here (where the
/// builder has no type of its own for it).
fn written_block<'a>(value: &'a Value, key: &str, cx: &mut Ctxt) -> Option<&'a Block> {
    match value {
        Value::Block(block) => Some(block),
        other => {
            cx.error(
                other.span(),
                format!(
                    "`{key}` is written as a block `{{ ... }}` here; for a computed value, give \
                     the enclosing block as an expression of the builder type"
                ),
            );
            None
        }
    }
}

/// The blocks of the list `value`, or an error saying that `key` is written as a list of
/// blocks here.
fn written_blocks<'a>(value: &'a Value, key: &str, cx: &mut Ctxt) -> Vec<&'a Block> {
    let Value::List(list) = value else {
        cx.error(
            value.span(),
            format!(
                "`{key}` is written as a list of blocks `[ {{ ... }} ]` here; for computed \
                 items, give the enclosing block as an expression of the builder type"
            ),
        );
        return Vec::new();
    };
    list.items
        .iter()
        .filter_map(|item| written_block(item, key, cx))
        .collect()
}

/// Records an internal inconsistency (a key the tables know but the expansion does not).
fn internal(cx: &mut Ctxt, span: Span, key: &str) {
    cx.error(
        span,
        format!("internal error: `{key}` is checked but not expanded; please report this bug"),
    );
}

/// The expansion of a block key whose row says `Call::Code`: written by the block's own code.
type Code<'c> = &'c mut dyn FnMut(&mut Chain, &Entry, &mut Ctxt);

/// A function that writes the builder of one block.
type Build = fn(&Block, &mut Ctxt) -> TokenStream;

/// The builder of the blocks of `spec` (a constructor call and its chain), for a key whose row
/// calls a method with a block (`Call::Arg`) or with each block of a list (`Call::Each`).
fn builder(spec: &'static Spec) -> Option<Build> {
    let table: [(&'static Spec, Build); 19] = [
        (&keys::CONTAINER, container),
        (&keys::VOLUME, volume),
        (&keys::PORT, container_port),
        (&keys::ENV, env_var),
        (&keys::ENV_FROM, env_from),
        (&keys::MOUNT, mount),
        (&keys::PROBE, probe),
        (&keys::HOOK, handler),
        (&keys::SECURITY_CONTEXT, security_context),
        (&keys::POD_SECURITY_CONTEXT, pod_security_context),
        (&keys::DNS_CONFIG, dns_config),
        (&keys::TOLERATION, scheduling::toleration),
        (&keys::AFFINITY, scheduling::affinity),
        (&keys::LABEL_SELECTOR, job_policy::selector),
        (&keys::POD_TEMPLATE, workload::pod_template),
        (&keys::POD_OS, placement::os),
        (&keys::HOST_ALIAS, placement::host_alias),
        (&keys::READINESS_GATE, placement::readiness_gate),
        (&keys::TOPOLOGY_SPREAD, placement::topology_spread),
    ];
    table
        .into_iter()
        .find(|(s, _)| std::ptr::eq(*s, spec))
        .map(|(_, f)| f)
}

/// Each entry of `block` (checked against `spec`) as the call its row names; the entries
/// whose row says [`Call::Code`] go to `code`, in their place.
fn calls(chain: &mut Chain, block: &Block, spec: &'static Spec, cx: &mut Ctxt, code: Code<'_>) {
    for entry in &block.entries {
        match spec.key(&entry.key.name) {
            Some(key) => call(chain, key, entry, cx, code),
            None => internal(cx, entry.key.span, &entry.key.name),
        }
    }
}

/// One entry as the call of its row.
fn call(chain: &mut Chain, key: &'static Key, entry: &Entry, cx: &mut Ctxt, code: Code<'_>) {
    let value = &entry.value;
    match key.call {
        Call::Code => code(chain, entry, cx),
        Call::Arg(method) => {
            let arg = argument(key.kind, value, cx);
            chain.call(method, arg);
        }
        Call::Flag(method) => chain.flag(method, value),
        Call::Pairs(method) => map(chain, value, method),
        Call::Each(method) => match key.kind {
            Kind::Blocks(inner) => match builder(inner) {
                Some(item) => blocks(chain, value, method, cx, item),
                None => internal(cx, entry.key.span, key.name),
            },
            _ => each_string(chain, value, method),
        },
        Call::Flatten => match (key.kind, value) {
            (Kind::Block(inner), Value::Block(block)) => {
                calls(chain, block, inner, cx, &mut |_, e, cx| {
                    internal(cx, e.key.span, &e.key.name);
                });
            }
            (Kind::Block(inner), other) => cx.error(
                other.span(),
                format!(
                    "`{}` is written as a block here: `{}`",
                    key.name,
                    block_shape(inner)
                ),
            ),
            _ => internal(cx, entry.key.span, key.name),
        },
    }
}

/// How a block of `spec` is written, for messages: `{ add: [...], drop: [...] }`.
fn block_shape(spec: &Spec) -> String {
    let entries: Vec<String> = spec
        .keys()
        .map(|k| {
            let value = match k.kind {
                Kind::StrList(_) | Kind::IntList(_) => "[...]",
                Kind::Blocks(_) => "[ { ... } ]",
                _ => "{ ... }",
            };
            format!("{}: {value}", k.name)
        })
        .collect();
    format!("{{ {} }}", entries.join(", "))
}

/// The argument of `.method(value)` for a value of `kind`.
fn argument(kind: Kind, value: &Value, cx: &mut Ctxt) -> TokenStream {
    match kind {
        Kind::Duration => duration(value, cx),
        Kind::Enum(e) => enum_value(e, value, cx),
        Kind::Int(Number::Port) | Kind::Port => port(Some(value)),
        Kind::Quantity => quantity(value),
        Kind::StrList(_) => strings(Some(value)),
        Kind::IntOrPercent => workload::int_or_percent(value),
        Kind::Block(inner) => match builder(inner) {
            Some(f) => nested(value, cx, f),
            None => tokens(value),
        },
        _ => tokens(value),
    }
}

/// A key the block's code does not write (the constructor took it).
fn taken(_: &mut Chain, _: &Entry, _: &mut Ctxt) {}

/// `method(k, v)` for each entry of a map block (or of a run-time map).
fn map(chain: &mut Chain, value: &Value, method: &str) {
    match value {
        Value::Block(block) => {
            for entry in &block.entries {
                let k = Literal::string(&entry.key.name);
                let v = match &entry.value {
                    Value::Int(i) => {
                        let text = Literal::string(&i.text());
                        quote!(#text)
                    }
                    other => tokens(other),
                };
                chain.call(method, quote!(#k, #v));
            }
        }
        other => chain.each_pair(&tokens(other), method, other.span()),
    }
}

/// Each item of a list of blocks through `item`, or a run-time collection through `method`.
fn blocks(
    chain: &mut Chain,
    value: &Value,
    method: &str,
    cx: &mut Ctxt,
    item: fn(&Block, &mut Ctxt) -> TokenStream,
) {
    match value {
        Value::List(list) => {
            for v in &list.items {
                let arg = match v {
                    Value::Block(b) => item(b, cx),
                    other => tokens(other),
                };
                chain.call(method, arg);
            }
        }
        other => chain.each(&tokens(other), method, other.span()),
    }
}

/// Each string of a list through `method`, or a run-time collection.
fn each_string(chain: &mut Chain, value: &Value, method: &str) {
    match value {
        Value::List(list) => {
            for v in &list.items {
                chain.call(method, tokens(v));
            }
        }
        other => chain.each(&tokens(other), method, other.span()),
    }
}

/// A block given as a block, or as an expression of the builder type.
fn nested(value: &Value, cx: &mut Ctxt, f: fn(&Block, &mut Ctxt) -> TokenStream) -> TokenStream {
    match value {
        Value::Block(b) => f(b, cx),
        other => tokens(other),
    }
}

/// `pod! { ... }`.
pub fn pod(body: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = string(body.get("name"));
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::Pod::new(#name)));
    pod_entries(&mut chain, body, &keys::POD, cx);
    chain.finish()
}

/// The pod keys of `block` (a `pod!` body or a template of `spec`), except `name`. In a Job's
/// template, `restartPolicy` belongs to the Job and is left to [`job_entries`] (its row says
/// [`Call::Code`]).
fn pod_entries(chain: &mut Chain, block: &Block, spec: &'static Spec, cx: &mut Ctxt) {
    calls(chain, block, spec, cx, &mut taken);
}

/// A container.
fn container(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = string(block.get("name"));
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::Container::new(#name)));
    calls(&mut chain, block, &keys::CONTAINER, cx, &mut taken);
    chain.finish()
}

/// A container port.
fn container_port(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let number = port(block.get("containerPort"));
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::ContainerPort::new(#number)));
    calls(&mut chain, block, &keys::PORT, cx, &mut taken);
    chain.finish()
}

/// An env var.
fn env_var(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = string(block.get("name"));
    if let Some(value) = block.get("value") {
        let value = tokens(value);
        return quote!(::k8s_dsl::pod::EnvVar::value(#name, #value));
    }
    let Some(from) = block.block("valueFrom") else {
        cx.error(block.close, "an env var needs `value` or `valueFrom`");
        return quote!();
    };
    let Some(source) = from.entries.first() else {
        cx.error(from.close, "`valueFrom` needs a source");
        return quote!();
    };
    let Value::Block(inner) = &source.value else {
        cx.error(source.value.span(), "an env source is written as a block");
        return quote!();
    };
    let mut chain = match source.key.name.as_str() {
        "configMapKeyRef" | "secretKeyRef" => {
            let object = string(inner.get("name"));
            let key = string(inner.get("key"));
            let method = if source.key.name == "configMapKeyRef" {
                format_ident!("config_map_key")
            } else {
                format_ident!("secret_key")
            };
            Chain::new(quote!(::k8s_dsl::pod::EnvVar::#method(#name, #object, #key)))
        }
        "fieldRef" => {
            let path = string(inner.get("fieldPath"));
            Chain::new(quote!(::k8s_dsl::pod::EnvVar::field(#name, #path)))
        }
        _ => {
            let resource = string(inner.get("resource"));
            let mut chain = match inner.get("containerName") {
                Some(container) => {
                    let container = tokens(container);
                    Chain::new(
                        quote!(::k8s_dsl::pod::EnvVar::container_resource(#name, #container, #resource)),
                    )
                }
                None => Chain::new(quote!(::k8s_dsl::pod::EnvVar::resource(#name, #resource))),
            };
            if let Some(divisor) = inner.get("divisor") {
                chain.call("divisor", quantity(divisor));
            }
            chain
        }
    };
    if let Some(optional) = inner.get("optional") {
        chain.call("optional", tokens(optional));
    }
    chain.finish()
}

/// An `envFrom` entry.
fn env_from(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let (constructor, source) = match (block.block("configMapRef"), block.block("secretRef")) {
        (Some(source), _) => (format_ident!("config_map"), source),
        (None, Some(source)) => (format_ident!("secret"), source),
        (None, None) => {
            cx.error(
                block.close,
                "an env source needs `configMapRef` or `secretRef`",
            );
            return quote!();
        }
    };
    let name = string(source.get("name"));
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::EnvFrom::#constructor(#name)));
    if let Some(prefix) = block.get("prefix") {
        chain.call("prefix", tokens(prefix));
    }
    if let Some(optional) = source.get("optional") {
        chain.call("optional", tokens(optional));
    }
    chain.finish()
}

/// A volume mount.
fn mount(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = string(block.get("name"));
    let path = string(block.get("mountPath"));
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::VolumeMount::new(#name, #path)));
    calls(&mut chain, block, &keys::MOUNT, cx, &mut taken);
    chain.finish()
}

/// The options of an `httpGet` action, on a probe or a hook.
fn http_options(chain: &mut Chain, action: &Block, cx: &mut Ctxt) {
    calls(
        chain,
        action,
        &keys::HTTP_GET,
        cx,
        &mut |chain, entry, _| {
            let value = &entry.value;
            if entry.key.name != "httpHeaders" {
                return;
            }
            if let Value::List(list) = value {
                for header in &list.items {
                    if let Value::Block(h) = header {
                        let n = string(h.get("name"));
                        let v = string(h.get("value"));
                        chain.call("http_header", quote!(#n, #v));
                    }
                }
            } else {
                chain.each_pair(&tokens(value), "http_header", value.span());
            }
        },
    );
}

/// The handler of a probe or hook: its constructor on `ty`, with HTTP options.
fn action(ty: TokenStream, block: &Block, handlers: &[&str], cx: &mut Ctxt) -> Option<Chain> {
    let entry = block
        .entries
        .iter()
        .find(|e| handlers.contains(&e.key.name.as_str()))?;
    let Value::Block(inner) = &entry.value else {
        cx.error(
            entry.value.span(),
            "a handler is written as a block `{ ... }`",
        );
        return None;
    };
    let chain = match entry.key.name.as_str() {
        "exec" => {
            let command = strings(inner.get("command"));
            Chain::new(quote!(#ty::exec(#command)))
        }
        "httpGet" => {
            let path = string(inner.get("path"));
            let port = port(inner.get("port"));
            let mut chain = Chain::new(quote!(#ty::http_get(#path, #port)));
            http_options(&mut chain, inner, cx);
            chain
        }
        "tcpSocket" => {
            let port = port(inner.get("port"));
            Chain::new(quote!(#ty::tcp_socket(#port)))
        }
        "grpc" => {
            let port = port(inner.get("port"));
            let mut chain = Chain::new(quote!(#ty::grpc(#port)));
            calls(&mut chain, inner, &keys::GRPC, cx, &mut taken);
            chain
        }
        _ => {
            let seconds = inner
                .get("seconds")
                .map(|s| duration(s, cx))
                .unwrap_or_default();
            Chain::new(quote!(#ty::sleep(#seconds)))
        }
    };
    Some(chain)
}

/// A probe.
fn probe(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let Some(mut chain) = action(
        quote!(::k8s_dsl::pod::Probe),
        block,
        keys::PROBE_HANDLERS,
        cx,
    ) else {
        cx.error(block.close, "a probe needs a handler");
        return quote!();
    };
    // The handler's keys are the constructor's.
    calls(&mut chain, block, &keys::PROBE, cx, &mut taken);
    chain.finish()
}

/// A lifecycle hook.
fn handler(block: &Block, cx: &mut Ctxt) -> TokenStream {
    match action(
        quote!(::k8s_dsl::pod::Handler),
        block,
        keys::HOOK_HANDLERS,
        cx,
    ) {
        Some(chain) => chain.finish(),
        None => {
            cx.error(block.close, "a lifecycle hook needs a handler");
            quote!()
        }
    }
}

/// A container's security context.
fn security_context(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::SecurityContext::new()));
    calls(
        &mut chain,
        block,
        &keys::SECURITY_CONTEXT,
        cx,
        &mut seccomp_entry,
    );
    chain.finish()
}

/// A pod's security context.
fn pod_security_context(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::PodSecurityContext::new()));
    calls(
        &mut chain,
        block,
        &keys::POD_SECURITY_CONTEXT,
        cx,
        &mut seccomp_entry,
    );
    chain.finish()
}

/// The one key of a security context written by code: `seccompProfile`.
fn seccomp_entry(chain: &mut Chain, entry: &Entry, cx: &mut Ctxt) {
    seccomp_profile(chain, &entry.value, cx);
}

/// `seccompProfile: { type, localhostProfile }` on a pod or container security context (an
/// expression is a `SeccompProfileType`).
fn seccomp_profile(chain: &mut Chain, value: &Value, cx: &mut Ctxt) {
    let Value::Block(profile) = value else {
        chain.call("seccomp_profile", tokens(value));
        return;
    };
    match (profile.get("localhostProfile"), profile.get("type")) {
        (Some(file), _) => chain.call("seccomp_localhost", tokens(file)),
        (None, Some(ty)) => chain.call(
            "seccomp_profile",
            enum_value(Enum::SeccompProfileType, ty, cx),
        ),
        (None, None) => {}
    }
}

/// `dnsConfig: { nameservers, searches, options }`.
fn dns_config(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::DnsConfig::new()));
    calls(
        &mut chain,
        block,
        &keys::DNS_CONFIG,
        cx,
        &mut |chain, entry, cx| {
            let value = &entry.value;
            let Value::List(_) = value else {
                chain.each_pair(&tokens(value), "option", value.span());
                return;
            };
            for option in written_blocks(value, "options", cx) {
                let name = string(option.get("name"));
                match option.get("value") {
                    Some(v) => {
                        let v = tokens(v);
                        chain.call("option", quote!(#name, #v));
                    }
                    None => chain.call("flag", name),
                }
            }
        },
    );
    chain.finish()
}

/// A volume.
fn volume(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = string(block.get("name"));
    let Some(source) = block
        .entries
        .iter()
        .find(|e| keys::VOLUME_SOURCES.contains(&e.key.name.as_str()))
    else {
        cx.error(block.close, "a volume needs a source");
        return quote!();
    };
    let Value::Block(inner) = &source.value else {
        cx.error(
            source.value.span(),
            "a volume source is written as a block `{ ... }`",
        );
        return quote!();
    };
    let volume = quote!(::k8s_dsl::pod::Volume);
    if source.key.name == "projected" {
        return projected(quote!(#volume::projected(#name)), inner, cx);
    }
    let mut chain = match source.key.name.as_str() {
        "emptyDir" => Chain::new(quote!(#volume::empty_dir(#name))),
        "configMap" => {
            let object = string(inner.get("name"));
            Chain::new(quote!(#volume::config_map(#name, #object)))
        }
        "secret" => {
            let object = string(inner.get("secretName"));
            Chain::new(quote!(#volume::secret(#name, #object)))
        }
        "persistentVolumeClaim" => {
            let claim = string(inner.get("claimName"));
            Chain::new(quote!(#volume::persistent_volume_claim(#name, #claim)))
        }
        "downwardAPI" => Chain::new(quote!(#volume::downward_api(#name))),
        "nfs" => {
            let server = string(inner.get("server"));
            let path = string(inner.get("path"));
            Chain::new(quote!(#volume::nfs(#name, #server, #path)))
        }
        "csi" => {
            let driver = string(inner.get("driver"));
            Chain::new(quote!(#volume::csi(#name, #driver)))
        }
        "image" => {
            let reference = string(inner.get("reference"));
            Chain::new(quote!(#volume::image(#name, #reference)))
        }
        _ => {
            let path = string(inner.get("path"));
            Chain::new(quote!(#volume::host_path(#name, #path)))
        }
    };
    let Some(Kind::Block(source_spec)) = keys::VOLUME.key(&source.key.name).map(|k| k.kind) else {
        internal(cx, source.key.span, &source.key.name);
        return quote!();
    };
    // The object's name or path is the constructor's; `items` are written here.
    calls(
        &mut chain,
        inner,
        source_spec,
        cx,
        &mut |chain, entry, _| {
            if entry.key.name == "items" {
                volume_items(chain, &entry.value);
            }
        },
    );
    chain.finish()
}

/// The `items` of a ConfigMap, Secret or downward API volume.
fn volume_items(chain: &mut Chain, value: &Value) {
    let Value::List(list) = value else {
        chain.each_pair(&tokens(value), "item", value.span());
        return;
    };
    for item in &list.items {
        let Value::Block(item) = item else {
            continue;
        };
        let path = string(item.get("path"));
        if let Some(field) = item.block("fieldRef") {
            let field = string(field.get("fieldPath"));
            chain.call("field_item", quote!(#path, #field));
        } else if let Some(resource) = item.block("resourceFieldRef") {
            let container = string(resource.get("containerName"));
            let resource = string(resource.get("resource"));
            chain.call("resource_item", quote!(#path, #container, #resource));
        } else {
            let key = string(item.get("key"));
            chain.call("item", quote!(#key, #path));
        }
    }
}

/// A projected volume: `start` (`Volume::projected(name)`) with each source of `block`.
fn projected(start: TokenStream, block: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(start);
    calls(
        &mut chain,
        block,
        &keys::PROJECTED,
        cx,
        &mut |chain, entry, cx| {
            for source in written_blocks(&entry.value, "sources", cx) {
                projection(chain, source, cx);
            }
        },
    );
    chain.finish()
}

/// One source of a projected volume.
fn projection(chain: &mut Chain, source: &Block, cx: &mut Ctxt) {
    for entry in &source.entries {
        let key = entry.key.name.as_str();
        let Some(inner) = written_block(&entry.value, key, cx) else {
            continue;
        };
        match key {
            "configMap" | "secret" => {
                let name = string(inner.get("name"));
                let method = if key == "configMap" {
                    "config_map"
                } else {
                    "secret"
                };
                match inner.get("items") {
                    None => chain.call(method, name),
                    Some(Value::List(list)) => {
                        let pairs = list.items.iter().filter_map(|item| match item {
                            Value::Block(b) => {
                                let k = string(b.get("key"));
                                let p = string(b.get("path"));
                                Some(quote!((#k, #p)))
                            }
                            _ => None,
                        });
                        let pairs: Vec<TokenStream> = pairs.collect();
                        let items = if pairs.is_empty() {
                            quote!(::std::vec::Vec::<(&str, &str)>::new())
                        } else {
                            quote!([#(#pairs),*])
                        };
                        chain.call(&format!("{method}_items"), quote!(#name, #items));
                    }
                    Some(other) => {
                        let items = tokens(other);
                        chain.call(&format!("{method}_items"), quote!(#name, #items));
                    }
                }
            }
            "downwardAPI" => {
                let Some(items) = inner.get("items") else {
                    continue;
                };
                for item in written_blocks(items, "items", cx) {
                    let path = string(item.get("path"));
                    if let Some(resource) = item.block("resourceFieldRef") {
                        let container = string(resource.get("containerName"));
                        let resource = string(resource.get("resource"));
                        chain.call("resource_item", quote!(#path, #container, #resource));
                        continue;
                    }
                    let field = string(item.block("fieldRef").and_then(|f| f.get("fieldPath")));
                    chain.call("field_item", quote!(#path, #field));
                }
            }
            "serviceAccountToken" => {
                let path = string(inner.get("path"));
                let mut token = Chain::new(quote!(::k8s_dsl::pod::ServiceAccountToken::new(#path)));
                if let Some(audience) = inner.get("audience") {
                    token.call("audience", tokens(audience));
                }
                if let Some(expiration) = inner.get("expirationSeconds") {
                    token.call("expiration", duration(expiration, cx));
                }
                chain.call("service_account_token", token.finish());
            }
            other => internal(cx, entry.key.span, other),
        }
    }
}

/// `job! { ... }`.
pub fn job(body: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = string(body.get("name"));
    let mut chain = Chain::new(quote!(::k8s_dsl::workload::Job::new(#name)));
    job_entries(&mut chain, body, &keys::JOB, cx);
    chain.finish()
}

/// The Job keys of `block` (a `job!` body or a `jobTemplate`, of `spec`), except `name`.
fn job_entries(chain: &mut Chain, block: &Block, spec: &'static Spec, cx: &mut Ctxt) {
    calls(chain, block, spec, cx, &mut job_code);
}

/// The keys of a Job written by code: the policies (their rules are the calls), the selector
/// and the template.
fn job_code(chain: &mut Chain, entry: &Entry, cx: &mut Ctxt) {
    let key = entry.key.name.as_str();
    let value = &entry.value;
    match key {
        "podFailurePolicy" => {
            if let Some(policy) = written_block(value, key, cx) {
                if let Some(rules) = policy.get("rules") {
                    blocks(
                        chain,
                        rules,
                        "pod_failure_rule",
                        cx,
                        job_policy::failure_rule,
                    );
                }
            }
        }
        "successPolicy" => {
            if let Some(policy) = written_block(value, key, cx) {
                if let Some(rules) = policy.get("rules") {
                    blocks(chain, rules, "success_rule", cx, job_policy::success_rule);
                }
            }
        }
        "selector" => {
            if let Some(selector) = written_block(value, key, cx) {
                chain.call("manual_selector", job_policy::selector(selector, cx));
            }
        }
        "template" => {
            let Value::Block(template) = value else {
                chain.call("template", tokens(value));
                return;
            };
            if let Some(policy) = template.get("restartPolicy") {
                chain.call(
                    "restart_policy",
                    enum_value(Enum::JobRestartPolicy, policy, cx),
                );
            }
            let mut pod = Chain::new(quote!(::k8s_dsl::pod::Pod::template()));
            pod_entries(&mut pod, template, &keys::JOB_POD_TEMPLATE, cx);
            chain.call("template", pod.finish());
        }
        // `name` is the constructor's; `manualSelector` is written by `selector` (checked to
        // go with it).
        _ => {}
    }
}

/// `cronjob! { ... }`.
pub fn cronjob(body: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = string(body.get("name"));
    let schedule = string(body.get("schedule"));
    let mut chain = Chain::new(quote!(::k8s_dsl::workload::CronJob::new(#name, #schedule)));
    calls(
        &mut chain,
        body,
        &keys::CRONJOB,
        cx,
        &mut |chain, entry, cx| {
            // `name` and `schedule` are the constructor's.
            if entry.key.name != "jobTemplate" {
                return;
            }
            let Value::Block(job) = &entry.value else {
                chain.call("job", tokens(&entry.value));
                return;
            };
            let mut inner = Chain::new(quote!(::k8s_dsl::workload::Job::unnamed()));
            job_entries(&mut inner, job, &keys::JOB_TEMPLATE, cx);
            chain.call("job", inner.finish());
        },
    );
    chain.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every block reachable from the macros' bodies.
    fn specs() -> Vec<&'static Spec> {
        let mut seen: Vec<&'static Spec> = Vec::new();
        let mut todo: Vec<&'static Spec> = vec![
            &keys::POD,
            &keys::JOB,
            &keys::CRONJOB,
            &keys::DEPLOYMENT,
            &keys::STATEFULSET,
        ];
        while let Some(spec) = todo.pop() {
            if seen.iter().any(|s| std::ptr::eq(*s, spec)) {
                continue;
            }
            seen.push(spec);
            for key in spec.keys() {
                if let Kind::Block(inner) | Kind::Blocks(inner) = key.kind {
                    todo.push(inner);
                }
            }
        }
        seen
    }

    #[test]
    fn every_call_of_the_table_can_be_written() {
        let mut problems = Vec::new();
        let mut calls = 0;
        for spec in specs() {
            for key in spec.keys() {
                let at = format!("`{}` of {}", key.name, spec.what);
                let method = match key.call {
                    Call::Arg(m) | Call::Flag(m) | Call::Each(m) | Call::Pairs(m) => m,
                    Call::Flatten | Call::Code => "",
                };
                if key.call != Call::Code {
                    calls += 1;
                }
                if key.call != Call::Code
                    && key.call != Call::Flatten
                    && (method.is_empty()
                        || !method.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                {
                    problems.push(format!("{at}: `{method}` is no method name"));
                }
                match (key.call, key.kind) {
                    (Call::Arg(_), Kind::Block(inner)) | (Call::Each(_), Kind::Blocks(inner))
                        if builder(inner).is_none() =>
                    {
                        problems.push(format!("{at}: {} has no builder", inner.what));
                    }
                    (Call::Each(_), Kind::Blocks(_) | Kind::StrList(_) | Kind::IntList(_))
                    | (Call::Flatten, Kind::Block(_))
                    | (Call::Pairs(_), Kind::Map(..))
                    | (Call::Flag(_), Kind::Bool)
                    | (Call::Arg(_) | Call::Code, _) => {}
                    (call, kind) => problems.push(format!("{at}: {call:?} cannot take {kind:?}")),
                }
            }
        }
        assert!(calls > 100, "only {calls} keys are calls");
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn a_block_written_as_a_value_says_how_it_is_written() {
        assert_eq!(
            block_shape(&keys::CAPABILITIES),
            "{ add: [...], drop: [...] }"
        );
        assert_eq!(
            block_shape(&keys::RESOURCES),
            "{ requests: { ... }, limits: { ... } }"
        );
    }
}
