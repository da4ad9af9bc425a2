//! Checked syntax to builder calls of `k8s-dsl`: `pod!` becomes `Pod::new(..).label(..)
//! .container(Container::new(..)...)`, so the macros and the builders share one model.
//!
//! Literals are passed as they are (strings, numbers) or, when already parsed, through
//! `k8s_dsl::__private` (a duration as its seconds). User expressions are spliced with their
//! own spans, so a type error lands on the user's expression.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use crate::ast::{Block, Value};
use crate::check::literal;
use crate::ctxt::Ctxt;
use crate::keys::{self, Enum};

mod job_policy;
mod scheduling;
mod workload;

pub use workload::deployment;

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

/// `labels`, `annotations` and `namespace`; true when `key` was one of them.
fn meta(chain: &mut Chain, key: &str, value: &Value) -> bool {
    let method = match key {
        "labels" => "label",
        "annotations" => "annotation",
        "namespace" => {
            chain.call("namespace", tokens(value));
            return true;
        }
        _ => return false,
    };
    map(chain, value, method);
    true
}

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
    pod_entries(&mut chain, body, false, cx);
    chain.finish()
}

/// The pod keys of `block` (a `pod!` body or a template), except `name`. In a Job's template
/// (`in_job`), `restartPolicy` belongs to the Job and is left to [`job_entries`].
fn pod_entries(chain: &mut Chain, block: &Block, in_job: bool, cx: &mut Ctxt) {
    for entry in &block.entries {
        let key = entry.key.name.as_str();
        let value = &entry.value;
        if meta(chain, key, value) {
            continue;
        }
        match key {
            "name" => {}
            "initContainers" => blocks(chain, value, "init_container", cx, container),
            "sidecars" => blocks(chain, value, "sidecar", cx, container),
            "classicSidecars" => blocks(chain, value, "classic_sidecar", cx, container),
            "ambassadors" => blocks(chain, value, "ambassador", cx, container),
            "classicAmbassadors" => blocks(chain, value, "classic_ambassador", cx, container),
            "adapters" => blocks(chain, value, "adapter", cx, container),
            "classicAdapters" => blocks(chain, value, "classic_adapter", cx, container),
            "containers" => blocks(chain, value, "container", cx, container),
            "volumes" => blocks(chain, value, "volume", cx, volume),
            "restartPolicy" => {
                if in_job {
                    continue;
                }
                chain.call("restart_policy", enum_value(Enum::RestartPolicy, value, cx));
            }
            "serviceAccountName" => chain.call("service_account_name", tokens(value)),
            "priorityClassName" => chain.call("priority_class_name", tokens(value)),
            "runtimeClassName" => chain.call("runtime_class_name", tokens(value)),
            "nodeSelector" => map(chain, value, "node_selector"),
            "terminationGracePeriodSeconds" => {
                chain.call("termination_grace_period", duration(value, cx));
            }
            "activeDeadlineSeconds" => chain.call("active_deadline", duration(value, cx)),
            "securityContext" => {
                chain.call("security_context", nested(value, cx, pod_security_context));
            }
            "imagePullSecrets" => each_string(chain, value, "image_pull_secret"),
            "hostname" => chain.call("hostname", tokens(value)),
            "subdomain" => chain.call("subdomain", tokens(value)),
            "dnsPolicy" => chain.call("dns_policy", enum_value(Enum::DnsPolicy, value, cx)),
            "dnsConfig" => chain.call("dns_config", nested(value, cx, dns_config)),
            "hostNetwork" => chain.call("host_network", tokens(value)),
            "automountServiceAccountToken" => {
                chain.call("automount_service_account_token", tokens(value));
            }
            "shareProcessNamespace" => chain.call("share_process_namespace", tokens(value)),
            "setHostnameAsFQDN" => chain.call("set_hostname_as_fqdn", tokens(value)),
            "enableServiceLinks" => chain.call("enable_service_links", tokens(value)),
            "tolerations" => blocks(chain, value, "toleration", cx, scheduling::toleration),
            "affinity" => chain.call("affinity", nested(value, cx, scheduling::affinity)),
            "schedulerName" => chain.call("scheduler_name", tokens(value)),
            "priority" => chain.call("priority", tokens(value)),
            other => internal(cx, entry.key.span, other),
        }
    }
}

/// A container.
fn container(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = string(block.get("name"));
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::Container::new(#name)));
    for entry in &block.entries {
        let value = &entry.value;
        match entry.key.name.as_str() {
            "name" => {}
            "image" => chain.call("image", tokens(value)),
            "imagePullPolicy" => {
                chain.call(
                    "image_pull_policy",
                    enum_value(Enum::ImagePullPolicy, value, cx),
                );
            }
            "command" => chain.call("command", strings(Some(value))),
            "args" => chain.call("args", strings(Some(value))),
            "workingDir" => chain.call("working_dir", tokens(value)),
            "ports" => blocks(&mut chain, value, "port", cx, container_port),
            "env" => blocks(&mut chain, value, "env_var", cx, env_var),
            "envFrom" => blocks(&mut chain, value, "env_from", cx, env_from),
            "resources" => {
                if let Value::Block(resources) = value {
                    for e in &resources.entries {
                        let method = match e.key.name.as_str() {
                            "requests" => "request",
                            _ => "limit",
                        };
                        match &e.value {
                            Value::Block(m) => {
                                for r in &m.entries {
                                    let k = Literal::string(&r.key.name);
                                    let q = quantity(&r.value);
                                    chain.call(method, quote!(#k, #q));
                                }
                            }
                            other => chain.each_pair(&tokens(other), method, other.span()),
                        }
                    }
                } else {
                    cx.error(value.span(), "`resources` is written as a block here: `{ requests: { ... }, limits: { ... } }`");
                }
            }
            "volumeMounts" => blocks(&mut chain, value, "volume_mount", cx, mount),
            "readinessProbe" => chain.call("readiness_probe", nested(value, cx, probe)),
            "livenessProbe" => chain.call("liveness_probe", nested(value, cx, probe)),
            "startupProbe" => chain.call("startup_probe", nested(value, cx, probe)),
            "lifecycle" => {
                if let Value::Block(lifecycle) = value {
                    for hook in &lifecycle.entries {
                        let method = match hook.key.name.as_str() {
                            "postStart" => "post_start",
                            _ => "pre_stop",
                        };
                        chain.call(method, nested(&hook.value, cx, handler));
                    }
                } else {
                    cx.error(value.span(), "`lifecycle` is written as a block here: `{ postStart: { ... }, preStop: { ... } }`");
                }
            }
            "securityContext" => {
                chain.call("security_context", nested(value, cx, security_context));
            }
            "terminationMessagePolicy" => chain.call(
                "termination_message_policy",
                enum_value(Enum::TerminationMessagePolicy, value, cx),
            ),
            "terminationMessagePath" => chain.call("termination_message_path", tokens(value)),
            "stdin" => chain.call("stdin", tokens(value)),
            "stdinOnce" => chain.call("stdin_once", tokens(value)),
            "tty" => chain.call("tty", tokens(value)),
            other => internal(cx, entry.key.span, other),
        }
    }
    chain.finish()
}

/// A container port.
fn container_port(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let number = port(block.get("containerPort"));
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::ContainerPort::new(#number)));
    for entry in &block.entries {
        let value = &entry.value;
        match entry.key.name.as_str() {
            "containerPort" => {}
            "name" => chain.call("name", tokens(value)),
            "protocol" => chain.call("protocol", enum_value(Enum::Protocol, value, cx)),
            "hostPort" => chain.call("host_port", port(Some(value))),
            "hostIP" => chain.call("host_ip", tokens(value)),
            other => internal(cx, entry.key.span, other),
        }
    }
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
            let mut chain = Chain::new(quote!(::k8s_dsl::pod::EnvVar::resource(#name, #resource)));
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
    for entry in &block.entries {
        match entry.key.name.as_str() {
            "name" | "mountPath" => {}
            "readOnly" => chain.flag("read_only", &entry.value),
            "subPath" => chain.call("sub_path", tokens(&entry.value)),
            "subPathExpr" => chain.call("sub_path_expr", tokens(&entry.value)),
            "mountPropagation" => chain.call(
                "propagation",
                enum_value(Enum::MountPropagation, &entry.value, cx),
            ),
            other => internal(cx, entry.key.span, other),
        }
    }
    chain.finish()
}

/// The options of an `httpGet` action, on a probe or a hook.
fn http_options(chain: &mut Chain, action: &Block, cx: &mut Ctxt) {
    for entry in &action.entries {
        let value = &entry.value;
        match entry.key.name.as_str() {
            "path" | "port" => {}
            "scheme" => chain.call("http_scheme", enum_value(Enum::Scheme, value, cx)),
            "host" => chain.call("http_host", tokens(value)),
            "httpHeaders" => {
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
            }
            other => internal(cx, entry.key.span, other),
        }
    }
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
            if let Some(service) = inner.get("service") {
                chain.call("service", tokens(service));
            }
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
    for entry in &block.entries {
        let value = &entry.value;
        match entry.key.name.as_str() {
            "initialDelaySeconds" => chain.call("initial_delay", duration(value, cx)),
            "periodSeconds" => chain.call("period", duration(value, cx)),
            "timeoutSeconds" => chain.call("timeout", duration(value, cx)),
            "successThreshold" => chain.call("success_threshold", tokens(value)),
            "failureThreshold" => chain.call("failure_threshold", tokens(value)),
            "terminationGracePeriodSeconds" => {
                chain.call("termination_grace_period", duration(value, cx));
            }
            _ => {}
        }
    }
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

/// The `runAs*` keys shared by container and pod security contexts; true when handled.
fn run_as(chain: &mut Chain, key: &str, value: &Value) -> bool {
    let method = match key {
        "runAsNonRoot" => "run_as_non_root",
        "runAsUser" => "run_as_user",
        "runAsGroup" => "run_as_group",
        _ => return false,
    };
    chain.call(method, tokens(value));
    true
}

/// A container's security context.
fn security_context(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::SecurityContext::new()));
    for entry in &block.entries {
        let key = entry.key.name.as_str();
        let value = &entry.value;
        if run_as(&mut chain, key, value) {
            continue;
        }
        match key {
            "allowPrivilegeEscalation" => chain.call("allow_privilege_escalation", tokens(value)),
            "privileged" => chain.call("privileged", tokens(value)),
            "readOnlyRootFilesystem" => chain.call("read_only_root_filesystem", tokens(value)),
            "capabilities" => {
                if let Value::Block(caps) = value {
                    for e in &caps.entries {
                        let method = match e.key.name.as_str() {
                            "add" => "add_capability",
                            _ => "drop_capability",
                        };
                        each_string(&mut chain, &e.value, method);
                    }
                } else {
                    cx.error(
                        value.span(),
                        "`capabilities` is written as a block here: `{ add: [...], drop: [...] }`",
                    );
                }
            }
            "seccompProfile" => seccomp_profile(&mut chain, value, cx),
            other => internal(cx, entry.key.span, other),
        }
    }
    chain.finish()
}

/// A pod's security context.
fn pod_security_context(block: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(quote!(::k8s_dsl::pod::PodSecurityContext::new()));
    for entry in &block.entries {
        let key = entry.key.name.as_str();
        if run_as(&mut chain, key, &entry.value) {
            continue;
        }
        let value = &entry.value;
        match key {
            "fsGroup" => chain.call("fs_group", tokens(value)),
            "fsGroupChangePolicy" => chain.call(
                "fs_group_change_policy",
                enum_value(Enum::FsGroupChangePolicy, value, cx),
            ),
            "supplementalGroups" => each_string(&mut chain, value, "supplemental_group"),
            "seccompProfile" => seccomp_profile(&mut chain, value, cx),
            other => internal(cx, entry.key.span, other),
        }
    }
    chain.finish()
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
    for entry in &block.entries {
        let value = &entry.value;
        match entry.key.name.as_str() {
            "nameservers" => each_string(&mut chain, value, "nameserver"),
            "searches" => each_string(&mut chain, value, "search"),
            "options" => {
                let Value::List(_) = value else {
                    chain.each_pair(&tokens(value), "option", value.span());
                    continue;
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
            }
            other => internal(cx, entry.key.span, other),
        }
    }
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
        _ => {
            let path = string(inner.get("path"));
            Chain::new(quote!(#volume::host_path(#name, #path)))
        }
    };
    for entry in &inner.entries {
        let value = &entry.value;
        match entry.key.name.as_str() {
            "name" | "secretName" | "claimName" | "path" => {}
            "medium" => chain.call("medium", enum_value(Enum::StorageMedium, value, cx)),
            "sizeLimit" => chain.call("size_limit", quantity(value)),
            "defaultMode" => chain.call("default_mode", tokens(value)),
            "optional" | "readOnly" => {
                let method = if entry.key.name == "optional" {
                    "optional"
                } else {
                    "read_only"
                };
                chain.flag(method, value);
            }
            "type" => chain.call("kind", tokens(value)),
            "items" => {
                let Value::List(list) = value else {
                    chain.each_pair(&tokens(value), "item", value.span());
                    continue;
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
            other => internal(cx, entry.key.span, other),
        }
    }
    chain.finish()
}

/// A projected volume: `start` (`Volume::projected(name)`) with each source of `block`.
fn projected(start: TokenStream, block: &Block, cx: &mut Ctxt) -> TokenStream {
    let mut chain = Chain::new(start);
    for entry in &block.entries {
        let value = &entry.value;
        match entry.key.name.as_str() {
            "defaultMode" => chain.call("default_mode", tokens(value)),
            "sources" => {
                for source in written_blocks(value, "sources", cx) {
                    projection(&mut chain, source, cx);
                }
            }
            other => internal(cx, entry.key.span, other),
        }
    }
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
    job_entries(&mut chain, body, cx);
    chain.finish()
}

/// The Job keys of `block` (a `job!` body or a `jobTemplate`), except `name`.
fn job_entries(chain: &mut Chain, block: &Block, cx: &mut Ctxt) {
    for entry in &block.entries {
        let key = entry.key.name.as_str();
        let value = &entry.value;
        if meta(chain, key, value) {
            continue;
        }
        match key {
            "name" => {}
            "completions" => chain.call("completions", tokens(value)),
            "parallelism" => chain.call("parallelism", tokens(value)),
            "backoffLimit" => chain.call("backoff_limit", tokens(value)),
            "activeDeadlineSeconds" => chain.call("active_deadline", duration(value, cx)),
            "ttlSecondsAfterFinished" => chain.call("ttl_after_finished", duration(value, cx)),
            "completionMode" => {
                chain.call(
                    "completion_mode",
                    enum_value(Enum::CompletionMode, value, cx),
                );
            }
            "backoffLimitPerIndex" => chain.call("backoff_limit_per_index", tokens(value)),
            "maxFailedIndexes" => chain.call("max_failed_indexes", tokens(value)),
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
            "podReplacementPolicy" => chain.call(
                "pod_replacement_policy",
                enum_value(Enum::PodReplacementPolicy, value, cx),
            ),
            "suspend" => chain.call("suspend", tokens(value)),
            "managedBy" => chain.call("managed_by", tokens(value)),
            // Written by `selector` (checked to go with it).
            "manualSelector" => {}
            "selector" => {
                if let Some(selector) = written_block(value, key, cx) {
                    chain.call("manual_selector", job_policy::selector(selector, cx));
                }
            }
            "template" => {
                let Value::Block(template) = value else {
                    chain.call("template", tokens(value));
                    continue;
                };
                if let Some(policy) = template.get("restartPolicy") {
                    chain.call(
                        "restart_policy",
                        enum_value(Enum::JobRestartPolicy, policy, cx),
                    );
                }
                let mut pod = Chain::new(quote!(::k8s_dsl::pod::Pod::template()));
                pod_entries(&mut pod, template, true, cx);
                chain.call("template", pod.finish());
            }
            other => internal(cx, entry.key.span, other),
        }
    }
}

/// `cronjob! { ... }`.
pub fn cronjob(body: &Block, cx: &mut Ctxt) -> TokenStream {
    let name = string(body.get("name"));
    let schedule = string(body.get("schedule"));
    let mut chain = Chain::new(quote!(::k8s_dsl::workload::CronJob::new(#name, #schedule)));
    for entry in &body.entries {
        let key = entry.key.name.as_str();
        let value = &entry.value;
        if meta(&mut chain, key, value) {
            continue;
        }
        match key {
            "name" | "schedule" => {}
            "timeZone" => chain.call("time_zone", tokens(value)),
            "concurrencyPolicy" => chain.call(
                "concurrency_policy",
                enum_value(Enum::ConcurrencyPolicy, value, cx),
            ),
            "suspend" => chain.call("suspend", tokens(value)),
            "startingDeadlineSeconds" => chain.call("starting_deadline", duration(value, cx)),
            "successfulJobsHistoryLimit" => {
                chain.call("successful_jobs_history_limit", tokens(value));
            }
            "failedJobsHistoryLimit" => chain.call("failed_jobs_history_limit", tokens(value)),
            "jobTemplate" => {
                let Value::Block(job) = value else {
                    chain.call("job", tokens(value));
                    continue;
                };
                let mut inner = Chain::new(quote!(::k8s_dsl::workload::Job::unnamed()));
                job_entries(&mut inner, job, cx);
                chain.call("job", inner.finish());
            }
            other => internal(cx, entry.key.span, other),
        }
    }
    chain.finish()
}
