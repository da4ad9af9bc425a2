//! Containers and their parts: ports, env, resources, mounts, probes, hooks, security.

use serde_json::Value;

use k8s_dsl::prelude::{
    ImagePullPolicy, MountPropagation, ResizeResource, ResizeRestartPolicy, Scheme,
    SeccompProfileType, TerminationMessagePolicy,
};

use super::fields::{duration_code, port_code, str_array, Chain, Cx, Fields};
use crate::rust::str_lit;

/// `Container::new(..)` with every field it can express; the rest is kept as JSON.
/// `restartPolicy` is left for the pod (it decides the role).
pub(crate) fn container(mut c: Fields, cx: &mut Cx) -> Chain {
    let name = c.str("name").unwrap_or_default();
    let mut chain = Chain::new(format!("Container::new({})", str_lit(&name)));
    if let Some(image) = c.str("image") {
        chain.text("image", &image);
    }
    if let Some(policy) = c.enumeration::<ImagePullPolicy>("imagePullPolicy", "ImagePullPolicy") {
        chain.code("image_pull_policy", policy);
    }
    if let Some(command) = c.strings("command") {
        chain.code("command", str_array(&command));
    }
    if let Some(args) = c.strings("args") {
        chain.code("args", str_array(&args));
    }
    if let Some(dir) = c.str("workingDir") {
        chain.text("working_dir", &dir);
    }
    list(
        &mut c,
        "ports",
        cx,
        |item, cx| port(item, cx).map(|p| ("port", p)),
        &mut chain,
    );
    list(&mut c, "env", cx, env_var, &mut chain);
    list(
        &mut c,
        "envFrom",
        cx,
        |item, cx| env_from(item, cx).map(|e| ("env_from", e)),
        &mut chain,
    );
    if let Some(resources) = c.obj("resources") {
        self::resources(resources, &mut chain, cx);
    }
    list(&mut c, "volumeMounts", cx, mount, &mut chain);
    for (field, method) in [
        ("readinessProbe", "readiness_probe"),
        ("livenessProbe", "liveness_probe"),
        ("startupProbe", "startup_probe"),
    ] {
        let Some(value) = c.peek(field).cloned() else {
            continue;
        };
        if let Some(probe) = c.obj(field) {
            let mark = cx.mark();
            match self::probe(probe, cx) {
                Some(code) => chain.chain(method, code),
                None => {
                    cx.rollback(mark);
                    c.put(field, value);
                }
            }
        }
    }
    if let Some(mut lifecycle) = c.obj("lifecycle") {
        for (field, method) in [("postStart", "post_start"), ("preStop", "pre_stop")] {
            let Some(value) = lifecycle.peek(field).cloned() else {
                continue;
            };
            if let Some(hook) = lifecycle.obj(field) {
                let mark = cx.mark();
                match handler(hook, cx) {
                    Some(code) => chain.chain(method, code),
                    None => {
                        cx.rollback(mark);
                        lifecycle.put(field, value);
                    }
                }
            }
        }
        lifecycle.finish(cx);
    }
    if let Some(context) = c.obj("securityContext") {
        chain.chain("security_context", security_context(context, cx));
    }
    if let Some(policy) = c.enumeration::<TerminationMessagePolicy>(
        "terminationMessagePolicy",
        "TerminationMessagePolicy",
    ) {
        chain.code("termination_message_policy", policy);
    }
    if let Some(path) = c.str("terminationMessagePath") {
        chain.text("termination_message_path", &path);
    }
    for (field, method) in [
        ("stdin", "stdin"),
        ("stdinOnce", "stdin_once"),
        ("tty", "tty"),
    ] {
        if let Some(yes) = c.bool(field) {
            chain.code(method, yes.to_string());
        }
    }
    resize_policies(&mut c, &mut chain);
    c.finish(cx);
    chain
}

/// `resizePolicy` as `.resize_policy(resource, policy)` calls, when every item is one.
fn resize_policies(c: &mut Fields, chain: &mut Chain) {
    let policies = c
        .peek("resizePolicy")
        .and_then(Value::as_array)
        .and_then(|list| {
            (!list.is_empty()).then_some(())?;
            list.iter()
                .map(|item| {
                    let map = item.as_object().filter(|m| m.len() == 2)?;
                    let resource = super::fields::enum_code::<ResizeResource>(
                        map.get("resourceName")?.as_str()?,
                        "ResizeResource",
                    )?;
                    let policy = super::fields::enum_code::<ResizeRestartPolicy>(
                        map.get("restartPolicy")?.as_str()?,
                        "ResizeRestartPolicy",
                    )?;
                    Some((resource, policy))
                })
                .collect::<Option<Vec<_>>>()
        });
    if let Some(policies) = policies {
        c.take("resizePolicy");
        for (resource, policy) in policies {
            chain.call(
                "resize_policy",
                vec![
                    super::fields::Arg::Code(resource),
                    super::fields::Arg::Code(policy),
                ],
            );
        }
    }
}

/// Writes one call per item of list field `key`, or keeps the whole list as JSON when an
/// item cannot be written (the items' places must stay the same).
pub(crate) fn list(
    fields: &mut Fields,
    key: &str,
    cx: &mut Cx,
    item: impl Fn(Fields, &mut Cx) -> Option<(&'static str, Chain)>,
    chain: &mut Chain,
) {
    let Some(items) = fields.list(key) else {
        return;
    };
    let mark = cx.mark();
    let path = fields.at(key);
    let mut calls = Vec::new();
    for (i, value) in items.iter().enumerate() {
        let call = Fields::of(value.clone(), path.index(i)).and_then(|f| item(f, cx));
        match call {
            Some(call) => calls.push(call),
            None => {
                cx.rollback(mark);
                fields.put(key, Value::Array(items));
                return;
            }
        }
    }
    for (method, code) in calls {
        if method.starts_with("__") {
            chain.extend(code); // a call on the container itself (`.env(..)`, `.mount(..)`)
        } else {
            chain.chain(method, code);
        }
    }
}

fn port(mut p: Fields, cx: &mut Cx) -> Option<Chain> {
    let number = p.i32("containerPort")?;
    let mut chain = match p.str("protocol").as_deref() {
        Some("TCP") => Chain::new(format!("ContainerPort::tcp({number})")),
        Some("UDP") => Chain::new(format!("ContainerPort::udp({number})")),
        Some("SCTP") => Chain::new(format!("ContainerPort::sctp({number})")),
        Some(other) => {
            p.put("protocol", Value::String(other.to_owned()));
            Chain::new(format!("ContainerPort::new({number})"))
        }
        None => Chain::new(format!("ContainerPort::new({number})")),
    };
    if let Some(name) = p.str("name") {
        chain.text("name", &name);
    }
    if let Some(port) = p.i32("hostPort") {
        chain.code("host_port", port.to_string());
    }
    if let Some(ip) = p.str("hostIP") {
        chain.text("host_ip", &ip);
    }
    p.finish(cx);
    Some(chain)
}

fn env_var(mut e: Fields, cx: &mut Cx) -> Option<(&'static str, Chain)> {
    let name = e.str("name")?;
    if let Some(value) = e.peek("value").and_then(Value::as_str).map(str::to_owned) {
        if e.has("valueFrom") {
            return None;
        }
        e.take("value");
        e.finish(cx);
        let mut chain = Chain::new("");
        chain.pair("env", &name, &value);
        // `.env(name, value)` is a call on the container, not a chain of its own.
        return Some(("__env", chain));
    }
    let mut from = e.obj("valueFrom")?;
    let chain = if let Some(mut r) = from.obj("configMapKeyRef") {
        let chain = key_ref(&mut r, "EnvVar::config_map_key", &name)?;
        r.finish(cx);
        chain
    } else if let Some(mut r) = from.obj("secretKeyRef") {
        let chain = key_ref(&mut r, "EnvVar::secret_key", &name)?;
        r.finish(cx);
        chain
    } else if let Some(mut r) = from.obj("fieldRef") {
        let field = r.str("fieldPath")?;
        r.finish(cx);
        Chain::new(format!(
            "EnvVar::field({}, {})",
            str_lit(&name),
            str_lit(&field)
        ))
    } else if let Some(mut r) = from.obj("resourceFieldRef") {
        let resource = r.str("resource")?;
        let mut chain = match r.str("containerName") {
            Some(container) => Chain::new(format!(
                "EnvVar::container_resource({}, {}, {})",
                str_lit(&name),
                str_lit(&container),
                str_lit(&resource)
            )),
            None => Chain::new(format!(
                "EnvVar::resource({}, {})",
                str_lit(&name),
                str_lit(&resource)
            )),
        };
        if let Some(divisor) = r.quantity("divisor") {
            chain.code("divisor", divisor);
        }
        r.finish(cx);
        chain
    } else {
        return None;
    };
    from.finish(cx);
    e.finish(cx);
    Some(("env_var", chain))
}

fn key_ref(r: &mut Fields, constructor: &str, name: &str) -> Option<Chain> {
    let object = r.str("name")?;
    let key = r.str("key")?;
    let mut chain = Chain::new(format!(
        "{constructor}({}, {}, {})",
        str_lit(name),
        str_lit(&object),
        str_lit(&key)
    ));
    if let Some(optional) = r.bool("optional") {
        chain.code("optional", optional.to_string());
    }
    Some(chain)
}

fn env_from(mut e: Fields, cx: &mut Cx) -> Option<Chain> {
    let (mut source, constructor) = if let Some(s) = e.obj("configMapRef") {
        (s, "EnvFrom::config_map")
    } else if let Some(s) = e.obj("secretRef") {
        (s, "EnvFrom::secret")
    } else {
        return None;
    };
    let name = source.str("name")?;
    let mut chain = Chain::new(format!("{constructor}({})", str_lit(&name)));
    if let Some(prefix) = e.str("prefix") {
        chain.text("prefix", &prefix);
    }
    if let Some(optional) = source.bool("optional") {
        chain.code("optional", optional.to_string());
    }
    source.finish(cx);
    e.finish(cx);
    Some(chain)
}

fn resources(mut r: Fields, chain: &mut Chain, cx: &mut Cx) {
    let requests = r.string_map("requests").unwrap_or_default();
    let limits = r.string_map("limits").unwrap_or_default();
    let limit_of = |name: &str| {
        limits
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, q)| q.clone())
    };
    let mut paired = Vec::new();
    for (name, request) in &requests {
        match (name.as_str(), limit_of(name)) {
            ("cpu" | "memory", Some(limit)) => {
                chain.call(
                    name,
                    vec![
                        super::fields::Arg::Code(str_lit(request)),
                        super::fields::Arg::Code(str_lit(&limit)),
                    ],
                );
                paired.push(name.clone());
            }
            _ => chain.pair("request", name, request),
        }
    }
    for (name, limit) in &limits {
        if !paired.contains(name) {
            chain.pair("limit", name, limit);
        }
    }
    r.finish(cx);
}

fn mount(mut m: Fields, cx: &mut Cx) -> Option<(&'static str, Chain)> {
    let volume = m.str("name")?;
    let path = m.str("mountPath")?;
    let read_only = m.flag("readOnly");
    let sub_path = m.str("subPath");
    let sub_path_expr = m.str("subPathExpr");
    let propagation = m.enumeration::<MountPropagation>("mountPropagation", "MountPropagation");
    if sub_path.is_none() && sub_path_expr.is_none() && propagation.is_none() {
        m.finish(cx);
        let mut chain = Chain::new("");
        chain.pair(
            if read_only {
                "mount_read_only"
            } else {
                "mount"
            },
            &volume,
            &path,
        );
        return Some(("__inline", chain));
    }
    let mut chain = Chain::new(format!(
        "VolumeMount::new({}, {})",
        str_lit(&volume),
        str_lit(&path)
    ));
    if read_only {
        chain.call("read_only", Vec::new());
    }
    if let Some(sub_path) = sub_path {
        chain.text("sub_path", &sub_path);
    }
    if let Some(expr) = sub_path_expr {
        chain.text("sub_path_expr", &expr);
    }
    if let Some(propagation) = propagation {
        chain.code("propagation", propagation);
    }
    m.finish(cx);
    Some(("volume_mount", chain))
}

/// Options of an `httpGet` action: host, scheme and headers.
fn http_options(h: &mut Fields, chain: &mut Chain) -> Option<()> {
    if let Some(host) = h.str("host") {
        chain.text("http_host", &host);
    }
    if let Some(scheme) = h.enumeration::<Scheme>("scheme", "Scheme") {
        chain.code("http_scheme", scheme);
    }
    if let Some(headers) = h.list("httpHeaders") {
        let mut pairs = Vec::new();
        for header in &headers {
            let name = header.get("name").and_then(Value::as_str);
            let value = header.get("value").and_then(Value::as_str);
            match (name, value, header.as_object().map(serde_json::Map::len)) {
                (Some(n), Some(v), Some(2)) => pairs.push((n.to_owned(), v.to_owned())),
                _ => {
                    h.put("httpHeaders", Value::Array(headers));
                    return None;
                }
            }
        }
        for (name, value) in pairs {
            chain.pair("http_header", &name, &value);
        }
    }
    Some(())
}

/// A probe, or `None` (nothing written) when its handler has no builder form.
fn probe(mut p: Fields, cx: &mut Cx) -> Option<Chain> {
    let mut chain = if let Some(mut exec) = p.obj("exec") {
        let command = exec.strings("command")?;
        exec.finish(cx);
        Chain::new(format!("Probe::exec({})", str_array(&command)))
    } else if let Some(mut h) = p.obj("httpGet") {
        let path = h.str("path")?;
        let port = port_code(h.peek("port")?)?;
        h.take("port");
        let mut chain = Chain::new(format!("Probe::http_get({}, {port})", str_lit(&path)));
        http_options(&mut h, &mut chain);
        h.finish(cx);
        chain
    } else if let Some(mut t) = p.obj("tcpSocket") {
        let port = port_code(t.peek("port")?)?;
        t.take("port");
        t.finish(cx);
        Chain::new(format!("Probe::tcp_socket({port})"))
    } else if let Some(mut g) = p.obj("grpc") {
        let port = g.i32("port")?;
        let mut chain = Chain::new(format!("Probe::grpc({port})"));
        if let Some(service) = g.str("service") {
            chain.text("service", &service);
        }
        g.finish(cx);
        chain
    } else {
        return None;
    };
    for (field, method) in [
        ("initialDelaySeconds", "initial_delay"),
        ("periodSeconds", "period"),
        ("timeoutSeconds", "timeout"),
        ("terminationGracePeriodSeconds", "termination_grace_period"),
    ] {
        if let Some(duration) = p.seconds(field) {
            chain.code(method, duration);
        }
    }
    for (field, method) in [
        ("successThreshold", "success_threshold"),
        ("failureThreshold", "failure_threshold"),
    ] {
        if let Some(n) = p.i32(field) {
            chain.code(method, n.to_string());
        }
    }
    p.finish(cx);
    Some(chain)
}

/// A lifecycle hook, or `None` when its action has no builder form.
fn handler(mut h: Fields, cx: &mut Cx) -> Option<Chain> {
    let chain = if let Some(mut exec) = h.obj("exec") {
        let command = exec.strings("command")?;
        exec.finish(cx);
        Chain::new(format!("Handler::exec({})", str_array(&command)))
    } else if let Some(mut g) = h.obj("httpGet") {
        let path = g.str("path")?;
        let port = port_code(g.peek("port")?)?;
        g.take("port");
        let mut chain = Chain::new(format!("Handler::http_get({}, {port})", str_lit(&path)));
        http_options(&mut g, &mut chain);
        g.finish(cx);
        chain
    } else if let Some(mut t) = h.obj("tcpSocket") {
        let port = port_code(t.peek("port")?)?;
        t.take("port");
        t.finish(cx);
        Chain::new(format!("Handler::tcp_socket({port})"))
    } else if let Some(mut s) = h.obj("sleep") {
        let seconds = s
            .peek("seconds")
            .and_then(Value::as_i64)
            .and_then(duration_code)?;
        s.take("seconds");
        s.finish(cx);
        Chain::new(format!("Handler::sleep({seconds})"))
    } else {
        return None;
    };
    h.finish(cx);
    Some(chain)
}

/// A container's security context.
fn security_context(mut s: Fields, cx: &mut Cx) -> Chain {
    let mut chain = Chain::new("SecurityContext::new()");
    for (field, method) in [("runAsUser", "run_as_user"), ("runAsGroup", "run_as_group")] {
        if let Some(id) = s.peek(field).and_then(Value::as_i64) {
            s.take(field);
            chain.code(method, id.to_string());
        }
    }
    for (field, method) in [
        ("runAsNonRoot", "run_as_non_root"),
        ("readOnlyRootFilesystem", "read_only_root_filesystem"),
        ("allowPrivilegeEscalation", "allow_privilege_escalation"),
        ("privileged", "privileged"),
    ] {
        if let Some(yes) = s.bool(field) {
            chain.code(method, yes.to_string());
        }
    }
    if let Some(mut caps) = s.obj("capabilities") {
        for capability in caps.strings("add").unwrap_or_default() {
            chain.text("add_capability", &capability);
        }
        for capability in caps.strings("drop").unwrap_or_default() {
            chain.text("drop_capability", &capability);
        }
        caps.finish(cx);
    }
    if let Some(seccomp) = s.obj("seccompProfile") {
        seccomp_profile(seccomp, &mut chain, cx);
    }
    s.finish(cx);
    chain
}

/// `seccompProfile`, for containers and pods alike.
pub(crate) fn seccomp_profile(mut p: Fields, chain: &mut Chain, cx: &mut Cx) {
    if p.peek("type").and_then(Value::as_str) == Some("Localhost") {
        if let Some(profile) = p.str("localhostProfile") {
            p.take("type");
            chain.text("seccomp_localhost", &profile);
        }
    } else if !p.has("localhostProfile") {
        if let Some(kind) = p.enumeration::<SeccompProfileType>("type", "SeccompProfileType") {
            chain.code("seccomp_profile", kind);
        }
    }
    p.finish(cx);
}
