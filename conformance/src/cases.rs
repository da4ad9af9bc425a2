//! The cases of the differential tests: for each rule of RULES.md (numbered 1 to 65) and of
//! the book's rule list up to 92 (Ingresses, storage, quotas, LimitRanges), valid
//! objects and mutations of them at the rule's boundary: names at 63/64 characters and with
//! each forbidden character, ports 0/1/65535/65536, each enum value and a near miss,
//! quantities and durations at their limits, cron fields in and out of range, probe and
//! handler combinations, requests against limits...
//!
//! No case says what the answer should be: the server and `k8s-dsl check` each give theirs,
//! and the harness compares them. Each rule's first case is its valid base object.
//!
//! ```
//! let cases = k8s_dsl_conformance::cases::all();
//! assert!(cases.iter().any(|c| c.rule == 20 && c.name == "containerPort 65536"));
//! assert!(cases.iter().all(|c| (1..=98).contains(&c.rule)));
//! assert!(cases.iter().any(|c| c.rule == 92 && c.name == "min above max"));
//! ```

use serde_json::{json, Value};

/// One object to send to the server and to `k8s-dsl check`.
#[derive(Debug, Clone)]
pub struct Case {
    /// The rule of RULES.md it tests.
    pub rule: u8,
    /// What it changes (`containerPort 65536`).
    pub name: String,
    /// The object.
    pub object: Value,
}

/// A change to a base object: set the value at a JSON pointer (objects on the way are
/// created), or remove the key there.
#[derive(Debug, Clone)]
pub enum Change {
    /// Sets the value at the pointer.
    Set(&'static str, Value),
    /// Sets the value at a pointer built at run time.
    SetAt(String, Value),
    /// Removes the key at the pointer.
    Remove(&'static str),
}

use Change::{Remove, Set, SetAt};

/// Applies `changes` to a copy of `base`.
pub fn changed(base: &Value, changes: &[Change]) -> Value {
    let mut object = base.clone();
    for change in changes {
        match change {
            Set(pointer, value) => set(&mut object, pointer, value.clone()),
            SetAt(pointer, value) => set(&mut object, pointer, value.clone()),
            Remove(pointer) => remove(&mut object, pointer),
        }
    }
    object
}

/// Sets the value at a JSON pointer (`/spec/containers/0/name`), creating objects on the way;
/// an array index past the end appends.
pub fn set(value: &mut Value, pointer: &str, new: Value) {
    let mut at = value;
    for part in pointer.trim_start_matches('/').split('/') {
        let part = part.replace("~1", "/").replace("~0", "~");
        at = match at {
            Value::Array(items) => {
                let index = part.parse::<usize>().unwrap_or(items.len());
                if index >= items.len() {
                    items.push(Value::Null);
                }
                let last = items.len().saturating_sub(1);
                match items.get_mut(index.min(last)) {
                    Some(item) => item,
                    None => return,
                }
            }
            other => {
                if !other.is_object() {
                    *other = json!({});
                }
                match other.as_object_mut() {
                    Some(map) => map.entry(part).or_insert(Value::Null),
                    None => return,
                }
            }
        };
    }
    *at = new;
}

fn remove(value: &mut Value, pointer: &str) {
    let Some((parent, key)) = pointer.rsplit_once('/') else {
        return;
    };
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(key);
        }
        Some(Value::Array(items)) => {
            if let Ok(index) = key.parse::<usize>() {
                if index < items.len() {
                    items.remove(index);
                }
            }
        }
        _ => {}
    }
}

/// A valid Pod: one container.
pub fn pod() -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": { "name": "case", "labels": { "app": "case" } },
        "spec": { "containers": [{ "name": "app", "image": "busybox:1.36" }] }
    })
}

fn template() -> Value {
    json!({
        "metadata": { "labels": { "app": "case" } },
        "spec": { "containers": [{ "name": "app", "image": "busybox:1.36" }] }
    })
}

/// A valid Job (restartPolicy Never).
pub fn job() -> Value {
    let mut t = template();
    set(&mut t, "/spec/restartPolicy", json!("Never"));
    json!({
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": { "name": "case" },
        "spec": { "template": t }
    })
}

/// A valid CronJob (every 5 minutes).
pub fn cronjob() -> Value {
    let mut t = template();
    set(&mut t, "/spec/restartPolicy", json!("OnFailure"));
    json!({
        "apiVersion": "batch/v1",
        "kind": "CronJob",
        "metadata": { "name": "case" },
        "spec": { "schedule": "*/5 * * * *", "jobTemplate": { "spec": { "template": t } } }
    })
}

/// A valid Deployment.
pub fn deployment() -> Value {
    json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": { "name": "case" },
        "spec": { "selector": { "matchLabels": { "app": "case" } }, "template": template() }
    })
}

/// A valid StatefulSet.
pub fn statefulset() -> Value {
    json!({
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": { "name": "case" },
        "spec": {
            "serviceName": "case",
            "selector": { "matchLabels": { "app": "case" } },
            "template": template()
        }
    })
}

/// A valid ClusterIP Service with one port.
pub fn service() -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": { "name": "case" },
        "spec": { "selector": { "app": "case" }, "ports": [{ "port": 80, "targetPort": 8080 }] }
    })
}

/// Collects the cases of one rule.
struct Rule<'a> {
    rule: u8,
    cases: &'a mut Vec<Case>,
}

impl Rule<'_> {
    fn case(&mut self, name: impl Into<String>, object: Value) {
        self.cases.push(Case {
            rule: self.rule,
            name: name.into(),
            object,
        });
    }

    fn change(&mut self, name: impl Into<String>, base: &Value, changes: &[Change]) {
        let object = changed(base, changes);
        self.case(name, object);
    }
}

fn rule(cases: &mut Vec<Case>, rule: u8) -> Rule<'_> {
    Rule { rule, cases }
}

/// Characters a name may not hold, one case each.
const FORBIDDEN: &[char] = &['_', 'A', ' ', '!', '@', '/', ':', '~', '*', '%', '+', '='];

fn repeat(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

/// Every case of every rule, in rule order.
pub fn all() -> Vec<Case> {
    let mut cases = Vec::new();
    names(&mut cases);
    containers(&mut cases);
    ports(&mut cases);
    probes(&mut cases);
    env(&mut cases);
    volumes(&mut cases);
    pod_spec(&mut cases);
    resources(&mut cases);
    services(&mut cases);
    jobs(&mut cases);
    cronjobs(&mut cases);
    apps(&mut cases);
    cluster_objects(&mut cases);
    pod_fields(&mut cases);
    cases.sort_by_key(|c| c.rule);
    cases
}

fn name_cases(r: &mut Rule<'_>, base: &Value, max: usize, dots_allowed: bool) {
    let at = "/metadata/name";
    r.case("valid", base.clone());
    r.change(
        format!("name of {max} chars"),
        base,
        &[Set(at, json!(repeat('a', max)))],
    );
    r.change(
        format!("name of {} chars", max + 1),
        base,
        &[Set(at, json!(repeat('a', max + 1)))],
    );
    r.change("name with a dot", base, &[Set(at, json!("web.v1"))]);
    if dots_allowed {
        r.change(
            "name with two dots in a row",
            base,
            &[Set(at, json!("web..v1"))],
        );
    }
    r.change(
        "name with a hyphen inside",
        base,
        &[Set(at, json!("web-v1"))],
    );
    r.change(
        "name starting with a hyphen",
        base,
        &[Set(at, json!("-web"))],
    );
    r.change("name ending with a hyphen", base, &[Set(at, json!("web-"))]);
    r.change(
        "name starting with a digit",
        base,
        &[Set(at, json!("1web"))],
    );
    r.change("empty name", base, &[Set(at, json!(""))]);
    for c in FORBIDDEN {
        r.change(
            format!("name with {c:?}"),
            base,
            &[SetAt(at.into(), json!(format!("we{c}b")))],
        );
    }
}

fn names(cases: &mut Vec<Case>) {
    {
        let mut r = rule(cases, 1);
        name_cases(&mut r, &pod(), 253, true);
        for prefix in ["debug-", "debug.", "Debug-", "web.-", "a-"] {
            r.change(
                format!("Pod generateName {prefix:?}"),
                &pod(),
                &[
                    Remove("/metadata/name"),
                    Set("/metadata/generateName", json!(prefix)),
                ],
            );
        }
        r.change(
            "Pod without name or generateName",
            &pod(),
            &[Remove("/metadata/name")],
        );
    }
    name_cases(&mut rule(cases, 2), &service(), 63, false);
    {
        let mut r = rule(cases, 3);
        name_cases(&mut r, &job(), 63, true);
        r.change(
            "Job name of 64 chars",
            &job(),
            &[Set("/metadata/name", json!(repeat('j', 64)))],
        );
        for prefix in [
            "migrate-",
            "migrate",
            "migrate.",
            "Migrate-",
            "-",
            &repeat('j', 70),
        ] {
            r.change(
                format!("Job generateName {prefix:?}"),
                &job(),
                &[
                    Remove("/metadata/name"),
                    Set("/metadata/generateName", json!(prefix)),
                ],
            );
        }
        r.change(
            "CronJob name with a dot",
            &cronjob(),
            &[Set("/metadata/name", json!("nightly.report"))],
        );
        r.change(
            "CronJob name with '_'",
            &cronjob(),
            &[Set("/metadata/name", json!("nightly_report"))],
        );
    }
    {
        let mut r = rule(cases, 4);
        r.case("valid", cronjob());
        for n in [51, 52, 53, 63] {
            r.change(
                format!("CronJob name of {n} chars"),
                &cronjob(),
                &[Set("/metadata/name", json!(repeat('c', n)))],
            );
        }
    }
    {
        let mut r = rule(cases, 5);
        let indexed = changed(
            &job(),
            &[
                Set("/spec/completionMode", json!("Indexed")),
                Set("/spec/completions", json!(100)),
            ],
        );
        r.case("valid", indexed.clone());
        // name-99 is 63 characters with a name of 60, 64 with a name of 61.
        for (n, completions) in [(60, 100), (61, 100), (59, 1000), (60, 1000), (62, 1)] {
            r.change(
                format!("Indexed Job name of {n} chars, {completions} completions"),
                &indexed,
                &[
                    Set("/metadata/name", json!(repeat('i', n))),
                    Set("/spec/completions", json!(completions)),
                ],
            );
        }
    }
    {
        let mut r = rule(cases, 6);
        let at = "/spec/containers/0/name";
        r.case("valid", pod());
        r.change(
            "container name of 63 chars",
            &pod(),
            &[Set(at, json!(repeat('c', 63)))],
        );
        r.change(
            "container name of 64 chars",
            &pod(),
            &[Set(at, json!(repeat('c', 64)))],
        );
        r.change("empty container name", &pod(), &[Set(at, json!(""))]);
        r.change("container name missing", &pod(), &[Remove(at)]);
        r.change(
            "container name with a dot",
            &pod(),
            &[Set(at, json!("app.v1"))],
        );
        r.change(
            "container name starting with a digit",
            &pod(),
            &[Set(at, json!("1app"))],
        );
        for c in FORBIDDEN {
            r.change(
                format!("container name with {c:?}"),
                &pod(),
                &[SetAt(at.into(), json!(format!("ap{c}p")))],
            );
        }
        r.change(
            "template container name of 64 chars",
            &deployment(),
            &[Set(
                "/spec/template/spec/containers/0/name",
                json!(repeat('c', 64)),
            )],
        );
    }
    {
        let mut r = rule(cases, 7);
        let with_volume = changed(
            &pod(),
            &[Set(
                "/spec/volumes",
                json!([{ "name": "data", "emptyDir": {} }]),
            )],
        );
        r.case("valid", with_volume.clone());
        r.change(
            "volume name of 63 chars",
            &with_volume,
            &[Set("/spec/volumes/0/name", json!(repeat('v', 63)))],
        );
        r.change(
            "volume name of 64 chars",
            &with_volume,
            &[Set("/spec/volumes/0/name", json!(repeat('v', 64)))],
        );
        r.change(
            "volume name with a dot",
            &with_volume,
            &[Set("/spec/volumes/0/name", json!("data.v1"))],
        );
        r.change(
            "volume name uppercase",
            &with_volume,
            &[Set("/spec/volumes/0/name", json!("Data"))],
        );
        r.change(
            "empty volume name",
            &with_volume,
            &[Set("/spec/volumes/0/name", json!(""))],
        );
        r.change(
            "two volumes with one name",
            &with_volume,
            &[Set(
                "/spec/volumes/1",
                json!({ "name": "data", "emptyDir": {} }),
            )],
        );
    }
    {
        let mut r = rule(cases, 8);
        let labels = "/metadata/labels";
        r.case("valid", pod());
        for (name, key, value) in [
            (
                "label value of 63 chars",
                "app".to_string(),
                repeat('v', 63),
            ),
            (
                "label value of 64 chars",
                "app".to_string(),
                repeat('v', 64),
            ),
            ("empty label value", "app".to_string(), String::new()),
            (
                "label value with '_' and '.'",
                "app".to_string(),
                "a_b.c-d".to_string(),
            ),
            (
                "label value starting with '-'",
                "app".to_string(),
                "-web".to_string(),
            ),
            (
                "label value ending with '.'",
                "app".to_string(),
                "web.".to_string(),
            ),
            (
                "label value with a space",
                "app".to_string(),
                "a b".to_string(),
            ),
            ("label value with '/'", "app".to_string(), "a/b".to_string()),
            (
                "label key with a prefix",
                "example.com/app".to_string(),
                "web".to_string(),
            ),
            (
                "label key with two '/'",
                "example.com/a/b".to_string(),
                "web".to_string(),
            ),
            (
                "label key name of 63 chars",
                repeat('k', 63),
                "web".to_string(),
            ),
            (
                "label key name of 64 chars",
                repeat('k', 64),
                "web".to_string(),
            ),
            (
                "label key prefix of 253 chars",
                format!("{}/app", repeat('p', 253)),
                "web".to_string(),
            ),
            (
                "label key prefix of 254 chars",
                format!("{}/app", repeat('p', 254)),
                "web".to_string(),
            ),
            (
                "label key with an uppercase prefix",
                "Example.com/app".to_string(),
                "web".to_string(),
            ),
            (
                "label key uppercase name",
                "App".to_string(),
                "web".to_string(),
            ),
            (
                "label key with a space",
                "my app".to_string(),
                "web".to_string(),
            ),
            (
                "label key empty prefix",
                "/app".to_string(),
                "web".to_string(),
            ),
            (
                "label key starting with '_'",
                "_app".to_string(),
                "web".to_string(),
            ),
        ] {
            r.change(name, &pod(), &[Set(labels, json!({ key: value }))]);
        }
        r.change(
            "template label value of 64 chars",
            &deployment(),
            &[Set(
                "/spec/template/metadata/labels/extra",
                json!(repeat('v', 64)),
            )],
        );
    }
    {
        let mut r = rule(cases, 9);
        let annotations = "/metadata/annotations";
        r.case("valid", pod());
        let limit = 256 * 1024;
        let key = "example.com/blob";
        r.change(
            "annotations of 256 KiB",
            &pod(),
            &[Set(
                annotations,
                json!({ key: repeat('x', limit - key.len()) }),
            )],
        );
        r.change(
            "annotations of 256 KiB + 1",
            &pod(),
            &[Set(
                annotations,
                json!({ key: repeat('x', limit - key.len() + 1) }),
            )],
        );
        r.change(
            "annotation key with a space",
            &pod(),
            &[Set(annotations, json!({ "my note": "x" }))],
        );
        r.change(
            "annotation key uppercase",
            &pod(),
            &[Set(annotations, json!({ "Note": "x" }))],
        );
        r.change(
            "annotation key with an uppercase prefix",
            &pod(),
            &[Set(annotations, json!({ "Example.com/note": "x" }))],
        );
        r.change(
            "annotation key name of 64 chars",
            &pod(),
            &[Set(annotations, json!({ repeat('n', 64): "x" }))],
        );
        r.change(
            "annotation value with anything",
            &pod(),
            &[Set(
                annotations,
                json!({ "note": "any: value / with spaces\n" }),
            )],
        );
    }
    {
        let mut r = rule(cases, 10);
        r.case("valid", pod());
        for (name, value) in [
            ("hostname", "web-1"),
            ("hostname", "Web"),
            ("hostname", "web.1"),
            ("subdomain", "api"),
            ("subdomain", "api.v1"),
            ("subdomain", "-api"),
        ] {
            r.change(
                format!("{name} {value:?}"),
                &pod(),
                &[SetAt(format!("/spec/{name}"), json!(value))],
            );
        }
        r.change(
            "hostname of 63 chars",
            &pod(),
            &[Set("/spec/hostname", json!(repeat('h', 63)))],
        );
        r.change(
            "hostname of 64 chars",
            &pod(),
            &[Set("/spec/hostname", json!(repeat('h', 64)))],
        );
    }
    {
        let mut r = rule(cases, 11);
        r.case("valid", pod());
        for (field, value) in [
            ("serviceAccountName", "build-bot"),
            ("serviceAccountName", "build.bot"),
            ("serviceAccountName", "Build_Bot"),
            ("priorityClassName", "High_Priority"),
            ("priorityClassName", "-high"),
        ] {
            r.change(
                format!("{field} {value:?}"),
                &pod(),
                &[SetAt(format!("/spec/{field}"), json!(value))],
            );
        }
        r.change(
            "serviceAccountName of 254 chars",
            &pod(),
            &[Set("/spec/serviceAccountName", json!(repeat('s', 254)))],
        );
    }
}

fn containers(cases: &mut Vec<Case>) {
    let second = json!({ "name": "second", "image": "busybox:1.36" });
    let init = json!({ "name": "init", "image": "busybox:1.36" });
    {
        let mut r = rule(cases, 12);
        r.case("valid", pod());
        r.change(
            "no containers",
            &pod(),
            &[Set("/spec/containers", json!([]))],
        );
        r.change("containers missing", &pod(), &[Remove("/spec/containers")]);
        r.change(
            "template without containers",
            &deployment(),
            &[Set("/spec/template/spec/containers", json!([]))],
        );
        r.change(
            "only init containers",
            &pod(),
            &[
                Set("/spec/containers", json!([])),
                Set("/spec/initContainers", json!([init.clone()])),
            ],
        );
    }
    {
        let mut r = rule(cases, 13);
        r.case(
            "valid",
            changed(&pod(), &[Set("/spec/containers/1", second.clone())]),
        );
        r.change(
            "two containers with one name",
            &pod(),
            &[Set(
                "/spec/containers/1",
                json!({ "name": "app", "image": "nginx:1.27" }),
            )],
        );
        r.change(
            "init container named like a container",
            &pod(),
            &[Set(
                "/spec/initContainers",
                json!([{ "name": "app", "image": "busybox:1.36" }]),
            )],
        );
        r.change(
            "two init containers with one name",
            &pod(),
            &[Set(
                "/spec/initContainers",
                json!([init.clone(), init.clone()]),
            )],
        );
        r.change(
            "sidecar named like a container",
            &pod(),
            &[Set(
                "/spec/initContainers",
                json!([{ "name": "app", "image": "busybox:1.36", "restartPolicy": "Always" }]),
            )],
        );
    }
    {
        let mut r = rule(cases, 14);
        r.case("valid", pod());
        r.change(
            "image missing",
            &pod(),
            &[Remove("/spec/containers/0/image")],
        );
        r.change(
            "empty image",
            &pod(),
            &[Set("/spec/containers/0/image", json!(""))],
        );
        r.change(
            "image with a leading space",
            &pod(),
            &[Set("/spec/containers/0/image", json!(" busybox:1.36"))],
        );
        r.change(
            "image with a trailing space",
            &pod(),
            &[Set("/spec/containers/0/image", json!("busybox:1.36 "))],
        );
        r.change(
            "template image with a trailing space",
            &deployment(),
            &[Set(
                "/spec/template/spec/containers/0/image",
                json!("busybox:1.36 "),
            )],
        );
        r.change(
            "template image missing",
            &deployment(),
            &[Remove("/spec/template/spec/containers/0/image")],
        );
        r.change(
            "init container image missing",
            &pod(),
            &[Set("/spec/initContainers", json!([{ "name": "init" }]))],
        );
    }
    {
        let mut r = rule(cases, 15);
        r.case("valid", pod());
        for value in [
            "Always",
            "IfNotPresent",
            "Never",
            "always",
            "IfNotPresnt",
            "",
        ] {
            r.change(
                format!("imagePullPolicy {value:?}"),
                &pod(),
                &[Set("/spec/containers/0/imagePullPolicy", json!(value))],
            );
        }
        for value in ["File", "FallbackToLogsOnError", "file", "Fallback"] {
            r.change(
                format!("terminationMessagePolicy {value:?}"),
                &pod(),
                &[Set(
                    "/spec/containers/0/terminationMessagePolicy",
                    json!(value),
                )],
            );
        }
    }
    {
        let mut r = rule(cases, 16);
        r.case("valid", pod());
        for value in ["Always", "OnFailure", "Never"] {
            r.change(
                format!("container restartPolicy {value}"),
                &pod(),
                &[Set("/spec/containers/0/restartPolicy", json!(value))],
            );
        }
        for value in ["Always", "OnFailure", "Never", "always"] {
            r.change(
                format!("init container restartPolicy {value}"),
                &pod(),
                &[Set(
                    "/spec/initContainers",
                    json!([{ "name": "init", "image": "busybox:1.36", "restartPolicy": value }]),
                )],
            );
        }
    }
    {
        let mut r = rule(cases, 17);
        let probe = json!({ "exec": { "command": ["true"] } });
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set("/spec/initContainers", json!([init.clone()]))],
            ),
        );
        for field in ["livenessProbe", "readinessProbe", "startupProbe"] {
            r.change(
                format!("init container with {field}"),
                &pod(),
                &[Set(
                    "/spec/initContainers",
                    json!([{ "name": "init", "image": "busybox:1.36", field: probe.clone() }]),
                )],
            );
            r.change(format!("sidecar with {field}"), &pod(), &[
                Set("/spec/initContainers", json!([{ "name": "init", "image": "busybox:1.36", "restartPolicy": "Always", field: probe.clone() }])),
            ]);
        }
        r.change("init container with lifecycle", &pod(), &[
            Set("/spec/initContainers", json!([{ "name": "init", "image": "busybox:1.36", "lifecycle": { "postStart": { "exec": { "command": ["true"] } } } }])),
        ]);
        r.change("sidecar with lifecycle", &pod(), &[
            Set("/spec/initContainers", json!([{ "name": "init", "image": "busybox:1.36", "restartPolicy": "Always", "lifecycle": { "preStop": { "sleep": { "seconds": 1 } } } }])),
        ]);
        r.change("sidecar with livenessProbe successThreshold 2", &pod(), &[
            Set("/spec/initContainers", json!([{ "name": "init", "image": "busybox:1.36", "restartPolicy": "Always", "livenessProbe": { "exec": { "command": ["true"] }, "successThreshold": 2 } }])),
        ]);
    }
    {
        let mut r = rule(cases, 18);
        let at = "/spec/containers/0/resizePolicy";
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(
                    at,
                    json!([{ "resourceName": "cpu", "restartPolicy": "NotRequired" }]),
                )],
            ),
        );
        r.change(
            "resizePolicy memory RestartContainer",
            &pod(),
            &[Set(
                at,
                json!([{ "resourceName": "memory", "restartPolicy": "RestartContainer" }]),
            )],
        );
        r.change(
            "resizePolicy resource gpu",
            &pod(),
            &[Set(
                at,
                json!([{ "resourceName": "gpu", "restartPolicy": "NotRequired" }]),
            )],
        );
        r.change(
            "resizePolicy policy near miss",
            &pod(),
            &[Set(
                at,
                json!([{ "resourceName": "cpu", "restartPolicy": "notRequired" }]),
            )],
        );
        r.change("resizePolicy cpu twice", &pod(), &[Set(at, json!([{ "resourceName": "cpu", "restartPolicy": "NotRequired" }, { "resourceName": "cpu", "restartPolicy": "RestartContainer" }]))]);
        r.change(
            "resizePolicy RestartContainer with pod restartPolicy Never",
            &pod(),
            &[
                Set(
                    at,
                    json!([{ "resourceName": "memory", "restartPolicy": "RestartContainer" }]),
                ),
                Set("/spec/restartPolicy", json!("Never")),
            ],
        );
        r.change(
            "resizePolicy NotRequired with pod restartPolicy Never",
            &pod(),
            &[
                Set(
                    at,
                    json!([{ "resourceName": "memory", "restartPolicy": "NotRequired" }]),
                ),
                Set("/spec/restartPolicy", json!("Never")),
            ],
        );
        r.change("init container with resizePolicy", &pod(), &[
            Set("/spec/initContainers", json!([{ "name": "init", "image": "busybox:1.36", "resizePolicy": [{ "resourceName": "cpu", "restartPolicy": "NotRequired" }] }])),
        ]);
    }
    {
        let mut r = rule(cases, 19);
        let port = |p: i64, proto: &str| json!([{ "containerPort": p, "hostPort": 8080, "protocol": proto }]);
        let two = changed(&pod(), &[Set("/spec/containers/1", second.clone())]);
        r.case(
            "valid",
            changed(&two, &[Set("/spec/containers/0/ports", port(80, "TCP"))]),
        );
        r.change(
            "two containers on one hostPort",
            &two,
            &[
                Set("/spec/containers/0/ports", port(80, "TCP")),
                Set("/spec/containers/1/ports", port(81, "TCP")),
            ],
        );
        r.change(
            "one hostPort, TCP and UDP",
            &two,
            &[
                Set("/spec/containers/0/ports", port(80, "TCP")),
                Set("/spec/containers/1/ports", port(81, "UDP")),
            ],
        );
        r.change("one container, one hostPort twice", &pod(), &[Set("/spec/containers/0/ports", json!([{ "containerPort": 80, "hostPort": 8080 }, { "containerPort": 81, "hostPort": 8080 }]))]);
        r.change(
            "init container and container on one hostPort",
            &pod(),
            &[
                Set("/spec/containers/0/ports", port(80, "TCP")),
                Set(
                    "/spec/initContainers",
                    json!([{ "name": "init", "image": "busybox:1.36", "ports": port(81, "TCP") }]),
                ),
            ],
        );
        r.change(
            "one hostPort on two hostIPs",
            &two,
            &[
                Set(
                    "/spec/containers/0/ports",
                    json!([{ "containerPort": 80, "hostPort": 8080, "hostIP": "127.0.0.1" }]),
                ),
                Set(
                    "/spec/containers/1/ports",
                    json!([{ "containerPort": 81, "hostPort": 8080, "hostIP": "127.0.0.2" }]),
                ),
            ],
        );
    }
}

fn ports(cases: &mut Vec<Case>) {
    let at = "/spec/containers/0/ports";
    {
        let mut r = rule(cases, 20);
        r.case(
            "valid",
            changed(&pod(), &[Set(at, json!([{ "containerPort": 8080 }]))]),
        );
        for p in [-1, 0, 1, 65535, 65536] {
            r.change(
                format!("containerPort {p}"),
                &pod(),
                &[Set(at, json!([{ "containerPort": p }]))],
            );
        }
        r.change(
            "containerPort missing",
            &pod(),
            &[Set(at, json!([{ "name": "http" }]))],
        );
        for p in [-1, 0, 1, 65535, 65536] {
            r.change(
                format!("hostPort {p}"),
                &pod(),
                &[Set(at, json!([{ "containerPort": 8080, "hostPort": p }]))],
            );
        }
        r.change(
            "template containerPort 0",
            &deployment(),
            &[Set(
                "/spec/template/spec/containers/0/ports",
                json!([{ "containerPort": 0 }]),
            )],
        );
    }
    {
        let mut r = rule(cases, 21);
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(at, json!([{ "containerPort": 8080, "name": "http" }]))],
            ),
        );
        for name in [
            "http-alt",
            "a",
            "abcdefghijklmno",
            "abcdefghijklmnop",
            "HTTP",
            "8080",
            "-http",
            "http-",
            "ht--tp",
            "h_ttp",
            "http.alt",
            "1a",
            "",
        ] {
            r.change(
                format!("port name {name:?}"),
                &pod(),
                &[Set(at, json!([{ "containerPort": 8080, "name": name }]))],
            );
        }
        r.change("two ports with one name", &pod(), &[Set(at, json!([{ "containerPort": 8080, "name": "http" }, { "containerPort": 8081, "name": "http" }]))]);
        r.change("one name in two containers", &pod(), &[
            Set(at, json!([{ "containerPort": 8080, "name": "http" }])),
            Set("/spec/containers/1", json!({ "name": "second", "image": "busybox:1.36", "ports": [{ "containerPort": 8081, "name": "http" }] })),
        ]);
    }
    {
        let mut r = rule(cases, 22);
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(
                    at,
                    json!([{ "containerPort": 8080, "protocol": "TCP" }]),
                )],
            ),
        );
        for protocol in ["UDP", "SCTP", "tcp", "HTTP", ""] {
            r.change(
                format!("protocol {protocol:?}"),
                &pod(),
                &[Set(
                    at,
                    json!([{ "containerPort": 8080, "protocol": protocol }]),
                )],
            );
        }
    }
    {
        let mut r = rule(cases, 23);
        let host = changed(&pod(), &[Set("/spec/hostNetwork", json!(true))]);
        r.case(
            "valid",
            changed(
                &host,
                &[Set(
                    at,
                    json!([{ "containerPort": 8080, "hostPort": 8080 }]),
                )],
            ),
        );
        r.change(
            "hostNetwork, hostPort unset",
            &host,
            &[Set(at, json!([{ "containerPort": 8080 }]))],
        );
        r.change(
            "hostNetwork, hostPort differs",
            &host,
            &[Set(
                at,
                json!([{ "containerPort": 8080, "hostPort": 9090 }]),
            )],
        );
        r.change(
            "template hostNetwork, hostPort differs",
            &deployment(),
            &[
                Set("/spec/template/spec/hostNetwork", json!(true)),
                Set(
                    "/spec/template/spec/containers/0/ports",
                    json!([{ "containerPort": 8080, "hostPort": 9090 }]),
                ),
            ],
        );
        r.change(
            "template hostNetwork, hostPort 0",
            &deployment(),
            &[
                Set("/spec/template/spec/hostNetwork", json!(true)),
                Set(
                    "/spec/template/spec/containers/0/ports",
                    json!([{ "containerPort": 8080, "hostPort": 0 }]),
                ),
            ],
        );
    }
}

fn probes(cases: &mut Vec<Case>) {
    let exec = json!({ "command": ["true"] });
    let http = json!({ "path": "/healthz", "port": 8080 });
    let tcp = json!({ "port": 8080 });
    let grpc = json!({ "port": 9090 });
    let sleep = json!({ "seconds": 5 });
    let live = "/spec/containers/0/livenessProbe";
    let hook = "/spec/containers/0/lifecycle/preStop";
    {
        let mut r = rule(cases, 24);
        r.case(
            "valid",
            changed(&pod(), &[Set(live, json!({ "exec": exec }))]),
        );
        let handlers = [
            ("exec", &exec),
            ("httpGet", &http),
            ("tcpSocket", &tcp),
            ("grpc", &grpc),
            ("sleep", &sleep),
        ];
        for (name, handler) in handlers {
            r.change(
                format!("livenessProbe with {name}"),
                &pod(),
                &[Set(live, json!({ name: handler }))],
            );
            r.change(
                format!("preStop with {name}"),
                &pod(),
                &[Set(hook, json!({ name: handler }))],
            );
        }
        r.change(
            "livenessProbe with exec and httpGet",
            &pod(),
            &[Set(live, json!({ "exec": exec, "httpGet": http }))],
        );
        r.change(
            "readinessProbe with tcpSocket and grpc",
            &pod(),
            &[Set(
                "/spec/containers/0/readinessProbe",
                json!({ "tcpSocket": tcp, "grpc": grpc }),
            )],
        );
        r.change(
            "livenessProbe without a handler",
            &pod(),
            &[Set(live, json!({ "periodSeconds": 10 }))],
        );
        r.change(
            "preStop with exec and sleep",
            &pod(),
            &[Set(hook, json!({ "exec": exec, "sleep": sleep }))],
        );
        r.change(
            "postStart without a handler",
            &pod(),
            &[Set("/spec/containers/0/lifecycle/postStart", json!({}))],
        );
    }
    {
        let mut r = rule(cases, 25);
        r.case(
            "valid",
            changed(&pod(), &[Set(live, json!({ "httpGet": http }))]),
        );
        r.change(
            "exec without command",
            &pod(),
            &[Set(live, json!({ "exec": {} }))],
        );
        r.change(
            "exec with an empty command",
            &pod(),
            &[Set(live, json!({ "exec": { "command": [] } }))],
        );
        r.change(
            "httpGet without path",
            &pod(),
            &[Set(live, json!({ "httpGet": { "port": 8080 } }))],
        );
        r.change(
            "httpGet path without '/'",
            &pod(),
            &[Set(
                live,
                json!({ "httpGet": { "path": "healthz", "port": 8080 } }),
            )],
        );
        for port in [
            json!(0),
            json!(1),
            json!(65535),
            json!(65536),
            json!("http"),
            json!("HTTP"),
            json!("web-http-port-12"),
            json!(""),
        ] {
            r.change(
                format!("httpGet port {port}"),
                &pod(),
                &[Set(
                    live,
                    json!({ "httpGet": { "path": "/", "port": port } }),
                )],
            );
        }
        for scheme in ["HTTP", "HTTPS", "http", "TCP"] {
            r.change(
                format!("httpGet scheme {scheme:?}"),
                &pod(),
                &[Set(
                    live,
                    json!({ "httpGet": { "path": "/", "port": 8080, "scheme": scheme } }),
                )],
            );
        }
        for header in ["X-Probe", "Authorization", "X Probe", "X:Probe", ""] {
            r.change(format!("httpGet header {header:?}"), &pod(), &[Set(live, json!({ "httpGet": { "path": "/", "port": 8080, "httpHeaders": [{ "name": header, "value": "1" }] } }))]);
        }
        for port in [0, 1, 65535, 65536] {
            r.change(
                format!("grpc port {port}"),
                &pod(),
                &[Set(live, json!({ "grpc": { "port": port } }))],
            );
        }
        for port in [json!(0), json!(65536), json!("http")] {
            r.change(
                format!("tcpSocket port {port}"),
                &pod(),
                &[Set(live, json!({ "tcpSocket": { "port": port } }))],
            );
        }
    }
    {
        let mut r = rule(cases, 26);
        r.case(
            "valid",
            changed(&pod(), &[Set(hook, json!({ "sleep": sleep }))]),
        );
        for seconds in [-1, 0, 1, 30, 31] {
            r.change(
                format!("sleep {seconds} s, grace period default"),
                &pod(),
                &[Set(hook, json!({ "sleep": { "seconds": seconds } }))],
            );
        }
        for (seconds, grace) in [(10, 10), (11, 10), (1, 0)] {
            r.change(
                format!("sleep {seconds} s, grace period {grace}"),
                &pod(),
                &[
                    Set(hook, json!({ "sleep": { "seconds": seconds } })),
                    Set("/spec/terminationGracePeriodSeconds", json!(grace)),
                ],
            );
        }
    }
    {
        let mut r = rule(cases, 27);
        r.case(
            "valid",
            changed(&pod(), &[Set(live, json!({ "exec": exec }))]),
        );
        for field in [
            "initialDelaySeconds",
            "timeoutSeconds",
            "periodSeconds",
            "successThreshold",
            "failureThreshold",
        ] {
            for value in [-1, 0] {
                r.change(
                    format!("readinessProbe {field} {value}"),
                    &pod(),
                    &[Set(
                        "/spec/containers/0/readinessProbe",
                        json!({ "exec": exec, field: value }),
                    )],
                );
            }
        }
    }
    {
        let mut r = rule(cases, 28);
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(
                    live,
                    json!({ "exec": exec, "terminationGracePeriodSeconds": 10 }),
                )],
            ),
        );
        for value in [-1, 0, 1] {
            r.change(
                format!("livenessProbe terminationGracePeriodSeconds {value}"),
                &pod(),
                &[Set(
                    live,
                    json!({ "exec": exec, "terminationGracePeriodSeconds": value }),
                )],
            );
        }
        r.change(
            "readinessProbe terminationGracePeriodSeconds 10",
            &pod(),
            &[Set(
                "/spec/containers/0/readinessProbe",
                json!({ "exec": exec, "terminationGracePeriodSeconds": 10 }),
            )],
        );
        r.change(
            "startupProbe terminationGracePeriodSeconds 10",
            &pod(),
            &[Set(
                "/spec/containers/0/startupProbe",
                json!({ "exec": exec, "terminationGracePeriodSeconds": 10 }),
            )],
        );
    }
    {
        let mut r = rule(cases, 29);
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(live, json!({ "exec": exec, "successThreshold": 1 }))],
            ),
        );
        for (probe, value) in [
            ("livenessProbe", 2),
            ("startupProbe", 2),
            ("startupProbe", 1),
            ("readinessProbe", 2),
        ] {
            r.change(
                format!("{probe} successThreshold {value}"),
                &pod(),
                &[SetAt(
                    format!("/spec/containers/0/{probe}"),
                    json!({ "exec": exec, "successThreshold": value }),
                )],
            );
        }
    }
}

fn env(cases: &mut Vec<Case>) {
    let at = "/spec/containers/0/env";
    {
        let mut r = rule(cases, 30);
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(at, json!([{ "name": "MODE", "value": "fast" }]))],
            ),
        );
        for name in [
            "my_var", "my.var", "my-var", "_VAR", "1VAR", "MY VAR", "A=B", "", "café", "tab\tvar",
            "x!@#",
        ] {
            r.change(
                format!("env name {name:?}"),
                &pod(),
                &[Set(at, json!([{ "name": name, "value": "1" }]))],
            );
        }
        r.change(
            "env name missing",
            &pod(),
            &[Set(at, json!([{ "value": "1" }]))],
        );
    }
    {
        let mut r = rule(cases, 31);
        let field = json!({ "fieldRef": { "fieldPath": "metadata.name" } });
        let cm = json!({ "configMapKeyRef": { "name": "config", "key": "mode" } });
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(at, json!([{ "name": "POD", "valueFrom": field }]))],
            ),
        );
        r.change(
            "value and valueFrom",
            &pod(),
            &[Set(
                at,
                json!([{ "name": "POD", "value": "x", "valueFrom": field }]),
            )],
        );
        r.change(
            "empty value and valueFrom",
            &pod(),
            &[Set(
                at,
                json!([{ "name": "POD", "value": "", "valueFrom": field }]),
            )],
        );
        r.change(
            "valueFrom without a source",
            &pod(),
            &[Set(at, json!([{ "name": "POD", "valueFrom": {} }]))],
        );
        r.change("valueFrom with two sources", &pod(), &[
            Set(at, json!([{ "name": "POD", "valueFrom": { "fieldRef": { "fieldPath": "metadata.name" }, "configMapKeyRef": { "name": "config", "key": "mode" } } }])),
        ]);
        r.change(
            "valueFrom configMapKeyRef",
            &pod(),
            &[Set(at, json!([{ "name": "MODE", "valueFrom": cm }]))],
        );
    }
    {
        let mut r = rule(cases, 32);
        r.case("valid", changed(&pod(), &[Set(at, json!([{ "name": "V", "valueFrom": { "fieldRef": { "fieldPath": "metadata.name" } } }]))]));
        for path in [
            "metadata.namespace",
            "metadata.uid",
            "spec.nodeName",
            "spec.serviceAccountName",
            "status.hostIP",
            "status.hostIPs",
            "status.podIP",
            "status.podIPs",
            "metadata.labels['app']",
            "metadata.annotations['note']",
            "metadata.labels",
            "metadata.annotations",
            "spec.hostname",
            "status.phase",
            "metadata.name ",
            "metadata.labels['Bad Key']",
        ] {
            r.change(
                format!("fieldPath {path:?}"),
                &pod(),
                &[Set(
                    at,
                    json!([{ "name": "V", "valueFrom": { "fieldRef": { "fieldPath": path } } }]),
                )],
            );
        }
        r.change("fieldRef apiVersion v2", &pod(), &[Set(at, json!([{ "name": "V", "valueFrom": { "fieldRef": { "apiVersion": "v2", "fieldPath": "metadata.name" } } }]))]);
    }
    {
        let mut r = rule(cases, 33);
        let reference = |resource: &str, divisor: Option<&str>| {
            let mut selector = json!({ "containerName": "app", "resource": resource });
            if let Some(divisor) = divisor {
                set(&mut selector, "/divisor", json!(divisor));
            }
            json!([{ "name": "V", "valueFrom": { "resourceFieldRef": selector } }])
        };
        r.case(
            "valid",
            changed(&pod(), &[Set(at, reference("limits.cpu", None))]),
        );
        for resource in [
            "requests.cpu",
            "limits.memory",
            "requests.memory",
            "limits.ephemeral-storage",
            "requests.ephemeral-storage",
            "limits.hugepages-2Mi",
            "requests.hugepages-1Gi",
            "limits.gpu",
            "cpu",
            "limits.CPU",
        ] {
            r.change(
                format!("resource {resource:?}"),
                &pod(),
                &[Set(at, reference(resource, None))],
            );
        }
        for divisor in ["1m", "1", "2m", "1k", "0"] {
            r.change(
                format!("cpu divisor {divisor:?}"),
                &pod(),
                &[Set(at, reference("limits.cpu", Some(divisor)))],
            );
        }
        for divisor in ["1", "1Ki", "1Mi", "1M", "1G", "2Mi", "1m"] {
            r.change(
                format!("memory divisor {divisor:?}"),
                &pod(),
                &[Set(at, reference("limits.memory", Some(divisor)))],
            );
        }
        r.change("resourceFieldRef to an unknown container", &pod(), &[
            Set(at, json!([{ "name": "V", "valueFrom": { "resourceFieldRef": { "containerName": "other", "resource": "limits.cpu" } } }])),
        ]);
    }
    {
        let mut r = rule(cases, 34);
        let reference = |kind: &str, name: &str, key: &str| json!([{ "name": "V", "valueFrom": { kind: { "name": name, "key": key } } }]);
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(at, reference("configMapKeyRef", "config", "mode"))],
            ),
        );
        for kind in ["configMapKeyRef", "secretKeyRef"] {
            for (name, key) in [
                ("config.v1", "mode"),
                ("Config", "mode"),
                ("", "mode"),
                ("config", ""),
                ("config", "a/b"),
                ("config", "k.e-y_1"),
                ("config", ".."),
                ("config", "a b"),
                ("config", &repeat('k', 253)),
                ("config", &repeat('k', 254)),
            ] {
                r.change(
                    format!("{kind} name {name:?} key {:?}", truncate(key)),
                    &pod(),
                    &[Set(at, reference(kind, name, key))],
                );
            }
        }
    }
    {
        let mut r = rule(cases, 35);
        let at = "/spec/containers/0/envFrom";
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(at, json!([{ "configMapRef": { "name": "config" } }]))],
            ),
        );
        r.change(
            "envFrom secretRef",
            &pod(),
            &[Set(at, json!([{ "secretRef": { "name": "secret" } }]))],
        );
        r.change("envFrom with both", &pod(), &[Set(at, json!([{ "configMapRef": { "name": "config" }, "secretRef": { "name": "secret" } }]))]);
        r.change(
            "envFrom with neither",
            &pod(),
            &[Set(at, json!([{ "prefix": "APP_" }]))],
        );
        r.change(
            "envFrom configMapRef without a name",
            &pod(),
            &[Set(at, json!([{ "configMapRef": {} }]))],
        );
        r.change(
            "envFrom configMapRef name invalid",
            &pod(),
            &[Set(at, json!([{ "configMapRef": { "name": "Bad_Name" } }]))],
        );
        for prefix in ["APP_", "1APP", "APP=", "my.app-", ""] {
            r.change(
                format!("envFrom prefix {prefix:?}"),
                &pod(),
                &[Set(
                    at,
                    json!([{ "prefix": prefix, "configMapRef": { "name": "config" } }]),
                )],
            );
        }
    }
}

fn truncate(text: &str) -> String {
    if text.len() > 12 {
        format!("{}... ({} chars)", text.get(..6).unwrap_or(""), text.len())
    } else {
        text.to_owned()
    }
}

fn volumes(cases: &mut Vec<Case>) {
    let with = |volumes: Value| changed(&pod(), &[Set("/spec/volumes", volumes)]);
    let data = json!([{ "name": "data", "emptyDir": {} }]);
    {
        let mut r = rule(cases, 36);
        r.case("valid", with(data.clone()));
        r.change(
            "volume with two sources",
            &pod(),
            &[Set(
                "/spec/volumes",
                json!([{ "name": "data", "emptyDir": {}, "configMap": { "name": "config" } }]),
            )],
        );
        r.change(
            "volume without a source",
            &pod(),
            &[Set("/spec/volumes", json!([{ "name": "data" }]))],
        );
        r.change(
            "volume configMap",
            &pod(),
            &[Set(
                "/spec/volumes",
                json!([{ "name": "data", "configMap": { "name": "config" } }]),
            )],
        );
        r.change("volume secret and hostPath", &pod(), &[Set("/spec/volumes", json!([{ "name": "data", "secret": { "secretName": "s" }, "hostPath": { "path": "/tmp" } }]))]);
    }
    {
        let mut r = rule(cases, 37);
        let base = with(data.clone());
        let mounts = "/spec/containers/0/volumeMounts";
        r.case(
            "valid",
            changed(
                &base,
                &[Set(
                    mounts,
                    json!([{ "name": "data", "mountPath": "/data" }]),
                )],
            ),
        );
        r.change(
            "mount of a missing volume",
            &base,
            &[Set(
                mounts,
                json!([{ "name": "other", "mountPath": "/data" }]),
            )],
        );
        r.change(
            "mount without mountPath",
            &base,
            &[Set(mounts, json!([{ "name": "data" }]))],
        );
        r.change(
            "mount with an empty mountPath",
            &base,
            &[Set(mounts, json!([{ "name": "data", "mountPath": "" }]))],
        );
        r.change("two mounts on one path", &base, &[Set(mounts, json!([{ "name": "data", "mountPath": "/data" }, { "name": "data", "mountPath": "/data", "subPath": "x" }]))]);
        r.change("one volume mounted twice", &base, &[Set(mounts, json!([{ "name": "data", "mountPath": "/a" }, { "name": "data", "mountPath": "/b" }]))]);
        for sub_path in ["logs", "logs/app", "../logs", "logs/../..", "/logs", "a..b"] {
            r.change(
                format!("subPath {sub_path:?}"),
                &base,
                &[Set(
                    mounts,
                    json!([{ "name": "data", "mountPath": "/data", "subPath": sub_path }]),
                )],
            );
        }
        r.change(
            "subPathExpr",
            &base,
            &[Set(
                mounts,
                json!([{ "name": "data", "mountPath": "/data", "subPathExpr": "$(POD_NAME)" }]),
            )],
        );
        r.change(
            "subPathExpr with '..'",
            &base,
            &[Set(
                mounts,
                json!([{ "name": "data", "mountPath": "/data", "subPathExpr": "../$(POD_NAME)" }]),
            )],
        );
        r.change("subPath and subPathExpr", &base, &[Set(mounts, json!([{ "name": "data", "mountPath": "/data", "subPath": "a", "subPathExpr": "$(POD_NAME)" }]))]);
        r.change(
            "mountPath relative",
            &base,
            &[Set(
                mounts,
                json!([{ "name": "data", "mountPath": "data" }]),
            )],
        );
    }
    {
        let mut r = rule(cases, 38);
        let pvc = with(
            json!([{ "name": "disk", "persistentVolumeClaim": { "claimName": "disk" } }, { "name": "data", "emptyDir": {} }]),
        );
        let devices = "/spec/containers/0/volumeDevices";
        r.case(
            "valid",
            changed(
                &pvc,
                &[Set(
                    devices,
                    json!([{ "name": "disk", "devicePath": "/dev/xvda" }]),
                )],
            ),
        );
        r.change(
            "device of an emptyDir",
            &pvc,
            &[Set(
                devices,
                json!([{ "name": "data", "devicePath": "/dev/xvda" }]),
            )],
        );
        r.change(
            "device of a missing volume",
            &pvc,
            &[Set(
                devices,
                json!([{ "name": "other", "devicePath": "/dev/xvda" }]),
            )],
        );
        r.change(
            "one volume as device and mount",
            &pvc,
            &[
                Set(
                    devices,
                    json!([{ "name": "disk", "devicePath": "/dev/xvda" }]),
                ),
                Set(
                    "/spec/containers/0/volumeMounts",
                    json!([{ "name": "disk", "mountPath": "/disk" }]),
                ),
            ],
        );
        r.change(
            "device path is a mount path",
            &pvc,
            &[
                Set(devices, json!([{ "name": "disk", "devicePath": "/data" }])),
                Set(
                    "/spec/containers/0/volumeMounts",
                    json!([{ "name": "data", "mountPath": "/data" }]),
                ),
            ],
        );
        r.change("two devices on one path", &pvc, &[
            Set("/spec/volumes/2", json!({ "name": "disk2", "persistentVolumeClaim": { "claimName": "disk2" } })),
            Set(devices, json!([{ "name": "disk", "devicePath": "/dev/xvda" }, { "name": "disk2", "devicePath": "/dev/xvda" }])),
        ]);
        r.change(
            "device without devicePath",
            &pvc,
            &[Set(devices, json!([{ "name": "disk" }]))],
        );
    }
    {
        let mut r = rule(cases, 39);
        let ephemeral = json!({ "name": "scratch", "ephemeral": { "volumeClaimTemplate": { "spec": { "accessModes": ["ReadWriteOnce"], "resources": { "requests": { "storage": "1Gi" } } } } } });
        r.case("valid", with(json!([ephemeral.clone()])));
        r.change("PVC volume of the ephemeral volume's claim", &pod(), &[
            Set("/spec/volumes", json!([ephemeral.clone(), { "name": "again", "persistentVolumeClaim": { "claimName": "case-scratch" } }])),
        ]);
        r.change("PVC volume of another claim", &pod(), &[
            Set("/spec/volumes", json!([ephemeral, { "name": "again", "persistentVolumeClaim": { "claimName": "case-other" } }])),
        ]);
    }
}

fn pod_spec(cases: &mut Vec<Case>) {
    {
        let mut r = rule(cases, 40);
        r.case("valid", pod());
        for value in [-1, 0, 1, 30] {
            r.change(
                format!("terminationGracePeriodSeconds {value}"),
                &pod(),
                &[Set("/spec/terminationGracePeriodSeconds", json!(value))],
            );
        }
    }
    {
        let mut r = rule(cases, 41);
        r.case("valid", pod());
        for value in ["Always", "OnFailure", "Never", "always", "Sometimes"] {
            r.change(
                format!("restartPolicy {value:?}"),
                &pod(),
                &[Set("/spec/restartPolicy", json!(value))],
            );
        }
        for value in [
            "ClusterFirst",
            "ClusterFirstWithHostNet",
            "Default",
            "clusterfirst",
            "Host",
        ] {
            r.change(
                format!("dnsPolicy {value:?}"),
                &pod(),
                &[Set("/spec/dnsPolicy", json!(value))],
            );
        }
        r.change(
            "dnsPolicy None without dnsConfig",
            &pod(),
            &[Set("/spec/dnsPolicy", json!("None"))],
        );
        r.change(
            "dnsPolicy None, no nameserver",
            &pod(),
            &[
                Set("/spec/dnsPolicy", json!("None")),
                Set("/spec/dnsConfig", json!({ "searches": ["example.com"] })),
            ],
        );
        for n in [1, 3, 4] {
            let servers: Vec<String> = (1..=n).map(|i| format!("10.0.0.{i}")).collect();
            r.change(
                format!("dnsPolicy None, {n} nameservers"),
                &pod(),
                &[
                    Set("/spec/dnsPolicy", json!("None")),
                    Set("/spec/dnsConfig", json!({ "nameservers": servers })),
                ],
            );
        }
        for n in [32, 33] {
            let searches: Vec<String> = (1..=n).map(|i| format!("s{i}.example.com")).collect();
            r.change(
                format!("{n} search paths"),
                &pod(),
                &[Set("/spec/dnsConfig", json!({ "searches": searches }))],
            );
        }
        for length in [2048usize, 2049] {
            // Eight search paths of 253 characters joined by spaces (2031), and one more.
            let long = format!(
                "{}.{}.{}.{}",
                repeat('a', 63),
                repeat('b', 63),
                repeat('c', 63),
                repeat('d', 61)
            );
            let mut searches: Vec<String> = (0..8)
                .map(|i| format!("{i}{}", long.get(1..).unwrap_or("")))
                .collect();
            searches.push(repeat('t', length - 2032));
            r.change(
                format!("search list of {} chars", searches.join(" ").len()),
                &pod(),
                &[Set("/spec/dnsConfig", json!({ "searches": searches }))],
            );
        }
        r.change(
            "nameserver not an IP",
            &pod(),
            &[Set(
                "/spec/dnsConfig",
                json!({ "nameservers": ["dns.example.com"] }),
            )],
        );
    }
    {
        let mut r = rule(cases, 42);
        r.case("valid", pod());
        for value in [-1i64, 0, 1, 2_147_483_647, 2_147_483_648] {
            r.change(
                format!("activeDeadlineSeconds {value}"),
                &pod(),
                &[Set("/spec/activeDeadlineSeconds", json!(value))],
            );
        }
    }
    {
        let mut r = rule(cases, 43);
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set("/spec/nodeSelector", json!({ "disktype": "ssd" }))],
            ),
        );
        r.change(
            "nodeSelector key with a space",
            &pod(),
            &[Set("/spec/nodeSelector", json!({ "disk type": "ssd" }))],
        );
        r.change(
            "nodeSelector value of 64 chars",
            &pod(),
            &[Set(
                "/spec/nodeSelector",
                json!({ "disktype": repeat('s', 64) }),
            )],
        );
        let tolerations = "/spec/tolerations";
        for (name, toleration) in [
            (
                "toleration Equal",
                json!({ "key": "gpu", "operator": "Equal", "value": "true", "effect": "NoSchedule" }),
            ),
            (
                "toleration Exists",
                json!({ "key": "gpu", "operator": "Exists" }),
            ),
            (
                "toleration empty key, Exists",
                json!({ "operator": "Exists" }),
            ),
            (
                "toleration empty key, Equal",
                json!({ "operator": "Equal", "value": "x" }),
            ),
            ("toleration empty key, no operator", json!({ "value": "x" })),
            (
                "toleration Exists with a value",
                json!({ "key": "gpu", "operator": "Exists", "value": "true" }),
            ),
            (
                "tolerationSeconds with NoExecute",
                json!({ "key": "gpu", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 60 }),
            ),
            (
                "tolerationSeconds with NoSchedule",
                json!({ "key": "gpu", "operator": "Exists", "effect": "NoSchedule", "tolerationSeconds": 60 }),
            ),
            (
                "tolerationSeconds without effect",
                json!({ "key": "gpu", "operator": "Exists", "tolerationSeconds": 60 }),
            ),
            (
                "toleration operator near miss",
                json!({ "key": "gpu", "operator": "exists" }),
            ),
            (
                "toleration effect near miss",
                json!({ "key": "gpu", "operator": "Exists", "effect": "noSchedule" }),
            ),
            (
                "toleration key invalid",
                json!({ "key": "gpu key", "operator": "Exists" }),
            ),
        ] {
            r.change(name, &pod(), &[Set(tolerations, json!([toleration]))]);
        }
    }
    {
        let mut r = rule(cases, 44);
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(
                    "/spec/imagePullSecrets",
                    json!([{ "name": "registry" }]),
                )],
            ),
        );
        r.change(
            "imagePullSecrets entry without a name",
            &pod(),
            &[Set("/spec/imagePullSecrets", json!([{}]))],
        );
        r.change(
            "imagePullSecrets name invalid",
            &pod(),
            &[Set(
                "/spec/imagePullSecrets",
                json!([{ "name": "Bad_Name" }]),
            )],
        );
        for (ip, host) in [
            ("10.0.0.1", "db.local"),
            ("::1", "db"),
            ("10.0.0", "db"),
            ("", "db"),
            ("10.0.0.1", "Bad_Host"),
            ("10.0.0.1", "db..local"),
        ] {
            r.change(
                format!("hostAlias {ip:?} {host:?}"),
                &pod(),
                &[Set(
                    "/spec/hostAliases",
                    json!([{ "ip": ip, "hostnames": [host] }]),
                )],
            );
        }
    }
    {
        let mut r = rule(cases, 45);
        let token = json!([{ "name": "token", "projected": { "sources": [{ "serviceAccountToken": { "path": "token", "audience": "api" } }] } }]);
        r.case(
            "valid",
            changed(
                &pod(),
                &[
                    Set("/spec/volumes", token.clone()),
                    Set("/spec/serviceAccountName", json!("build-bot")),
                ],
            ),
        );
        r.change(
            "projected token without serviceAccountName",
            &pod(),
            &[Set("/spec/volumes", token.clone())],
        );
        r.change(
            "template projected token without serviceAccountName",
            &deployment(),
            &[Set("/spec/template/spec/volumes", token.clone())],
        );
        r.change("token expirationSeconds 599", &pod(), &[
            Set("/spec/volumes", json!([{ "name": "token", "projected": { "sources": [{ "serviceAccountToken": { "path": "token", "expirationSeconds": 599 } }] } }])),
            Set("/spec/serviceAccountName", json!("build-bot")),
        ]);
    }
    {
        let mut r = rule(cases, 46);
        let windows = changed(&pod(), &[Set("/spec/os", json!({ "name": "windows" }))]);
        let linux = changed(&pod(), &[Set("/spec/os", json!({ "name": "linux" }))]);
        r.case("valid", windows.clone());
        r.change("linux pod", &linux, &[]);
        r.change(
            "os name near miss",
            &pod(),
            &[Set("/spec/os", json!({ "name": "Windows" }))],
        );
        for (name, pointer, value) in [
            (
                "seLinuxOptions",
                "/spec/securityContext/seLinuxOptions",
                json!({ "type": "container_t" }),
            ),
            (
                "seccompProfile",
                "/spec/securityContext/seccompProfile",
                json!({ "type": "RuntimeDefault" }),
            ),
            ("fsGroup", "/spec/securityContext/fsGroup", json!(1000)),
            ("runAsUser", "/spec/securityContext/runAsUser", json!(1000)),
            (
                "container runAsGroup",
                "/spec/containers/0/securityContext/runAsGroup",
                json!(1000),
            ),
            (
                "container capabilities",
                "/spec/containers/0/securityContext/capabilities",
                json!({ "drop": ["ALL"] }),
            ),
            (
                "container readOnlyRootFilesystem",
                "/spec/containers/0/securityContext/readOnlyRootFilesystem",
                json!(true),
            ),
            (
                "container privileged",
                "/spec/containers/0/securityContext/privileged",
                json!(false),
            ),
            (
                "container allowPrivilegeEscalation",
                "/spec/containers/0/securityContext/allowPrivilegeEscalation",
                json!(false),
            ),
            (
                "container procMount",
                "/spec/containers/0/securityContext/procMount",
                json!("Default"),
            ),
            (
                "sysctls",
                "/spec/securityContext/sysctls",
                json!([{ "name": "net.ipv4.ip_local_port_range", "value": "1024 65000" }]),
            ),
        ] {
            r.change(
                format!("windows pod with {name}"),
                &windows,
                &[Set(pointer, value)],
            );
        }
        r.change(
            "windows pod with windowsOptions",
            &windows,
            &[Set(
                "/spec/securityContext/windowsOptions",
                json!({ "runAsUserName": "app" }),
            )],
        );
        r.change(
            "linux pod with windowsOptions",
            &linux,
            &[Set(
                "/spec/securityContext/windowsOptions",
                json!({ "runAsUserName": "app" }),
            )],
        );
        r.change(
            "linux pod with container windowsOptions",
            &linux,
            &[Set(
                "/spec/containers/0/securityContext/windowsOptions",
                json!({ "runAsUserName": "app" }),
            )],
        );
        r.change(
            "linux pod with seLinuxOptions",
            &linux,
            &[Set(
                "/spec/securityContext/seLinuxOptions",
                json!({ "type": "container_t" }),
            )],
        );
    }
    {
        let mut r = rule(cases, 47);
        let context = "/spec/containers/0/securityContext";
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(context, json!({ "allowPrivilegeEscalation": false }))],
            ),
        );
        for (name, value) in [
            (
                "allowPrivilegeEscalation false, privileged",
                json!({ "allowPrivilegeEscalation": false, "privileged": true }),
            ),
            (
                "allowPrivilegeEscalation true, privileged",
                json!({ "allowPrivilegeEscalation": true, "privileged": true }),
            ),
            (
                "allowPrivilegeEscalation false, add CAP_SYS_ADMIN",
                json!({ "allowPrivilegeEscalation": false, "capabilities": { "add": ["CAP_SYS_ADMIN"] } }),
            ),
            (
                "allowPrivilegeEscalation false, add SYS_ADMIN",
                json!({ "allowPrivilegeEscalation": false, "capabilities": { "add": ["SYS_ADMIN"] } }),
            ),
            (
                "allowPrivilegeEscalation false, add NET_ADMIN",
                json!({ "allowPrivilegeEscalation": false, "capabilities": { "add": ["NET_ADMIN"] } }),
            ),
            ("runAsUser -1", json!({ "runAsUser": -1 })),
            ("runAsUser 0", json!({ "runAsUser": 0 })),
            (
                "runAsUser 2147483647",
                json!({ "runAsUser": 2_147_483_647 }),
            ),
            (
                "runAsUser 2147483648",
                json!({ "runAsUser": 2_147_483_648u64 }),
            ),
            ("runAsGroup -1", json!({ "runAsGroup": -1 })),
            ("procMount Unmasked", json!({ "procMount": "Unmasked" })),
            ("procMount near miss", json!({ "procMount": "unmasked" })),
        ] {
            r.change(name, &pod(), &[Set(context, value)]);
        }
        r.change(
            "procMount Unmasked, hostUsers false",
            &pod(),
            &[
                Set(context, json!({ "procMount": "Unmasked" })),
                Set("/spec/hostUsers", json!(false)),
            ],
        );
        for field in ["hostNetwork", "hostPID", "hostIPC"] {
            r.change(
                format!("hostUsers false, {field}"),
                &pod(),
                &[
                    Set("/spec/hostUsers", json!(false)),
                    SetAt(format!("/spec/{field}"), json!(true)),
                ],
            );
        }
        r.change(
            "pod runAsUser -1",
            &pod(),
            &[Set("/spec/securityContext/runAsUser", json!(-1))],
        );
        r.change(
            "pod fsGroup -1",
            &pod(),
            &[Set("/spec/securityContext/fsGroup", json!(-1))],
        );
    }
}

fn resources(cases: &mut Vec<Case>) {
    let mut r = rule(cases, 48);
    let at = "/spec/containers/0/resources";
    r.case("valid", changed(&pod(), &[Set(at, json!({ "requests": { "cpu": "100m", "memory": "64Mi" }, "limits": { "cpu": "1", "memory": "128Mi" } }))]));
    for (name, resources) in [
        (
            "requests above limits (cpu)",
            json!({ "requests": { "cpu": "2" }, "limits": { "cpu": "1" } }),
        ),
        (
            "requests equal limits (cpu)",
            json!({ "requests": { "cpu": "1" }, "limits": { "cpu": "1000m" } }),
        ),
        (
            "requests above limits (memory)",
            json!({ "requests": { "memory": "129Mi" }, "limits": { "memory": "128Mi" } }),
        ),
        (
            "requests 1 byte above limits (memory)",
            json!({ "requests": { "memory": "134217729" }, "limits": { "memory": "128Mi" } }),
        ),
        (
            "requests of ephemeral-storage above limits",
            json!({ "requests": { "ephemeral-storage": "2Gi" }, "limits": { "ephemeral-storage": "1Gi" } }),
        ),
        ("limits only", json!({ "limits": { "cpu": "500m" } })),
        (
            "negative cpu request",
            json!({ "requests": { "cpu": "-1" } }),
        ),
        ("zero cpu request", json!({ "requests": { "cpu": "0" } })),
        ("cpu 1.5", json!({ "requests": { "cpu": "1.5" } })),
        (
            "cpu 0.0001 (below 1m)",
            json!({ "requests": { "cpu": "0.0001" } }),
        ),
        ("memory 1.5Gi", json!({ "requests": { "memory": "1.5Gi" } })),
        (
            "memory 100m (millibytes)",
            json!({ "requests": { "memory": "100m" } }),
        ),
        ("resource name gpu", json!({ "limits": { "gpu": "1" } })),
        (
            "extended resource, requests equal limits",
            json!({ "requests": { "example.com/gpu": "1" }, "limits": { "example.com/gpu": "1" } }),
        ),
        (
            "extended resource, requests below limits",
            json!({ "requests": { "example.com/gpu": "1" }, "limits": { "example.com/gpu": "2" } }),
        ),
        (
            "extended resource, limits only",
            json!({ "limits": { "example.com/gpu": "2" } }),
        ),
        (
            "extended resource, requests only",
            json!({ "requests": { "example.com/gpu": "2" } }),
        ),
        (
            "extended resource, fraction",
            json!({ "requests": { "example.com/gpu": "500m" }, "limits": { "example.com/gpu": "500m" } }),
        ),
        (
            "resource in kubernetes.io domain",
            json!({ "limits": { "kubernetes.io/gpu": "1" } }),
        ),
        (
            "hugepages, limits only",
            json!({ "limits": { "hugepages-2Mi": "4Mi", "memory": "64Mi" } }),
        ),
        (
            "hugepages, requests below limits",
            json!({ "requests": { "hugepages-2Mi": "2Mi", "memory": "64Mi" }, "limits": { "hugepages-2Mi": "4Mi", "memory": "64Mi" } }),
        ),
        (
            "hugepages without memory or cpu",
            json!({ "limits": { "hugepages-2Mi": "4Mi" } }),
        ),
        (
            "hugepages not a multiple of the page size",
            json!({ "limits": { "hugepages-2Mi": "3Mi", "memory": "64Mi" } }),
        ),
        (
            "quantity not a number",
            json!({ "requests": { "cpu": "lots" } }),
        ),
    ] {
        r.change(name, &pod(), &[Set(at, resources)]);
    }
    r.change(
        "pod-level requests above limits",
        &pod(),
        &[Set(
            "/spec/resources",
            json!({ "requests": { "cpu": "2" }, "limits": { "cpu": "1" } }),
        )],
    );
}

fn services(cases: &mut Vec<Case>) {
    let ports = "/spec/ports";
    {
        let mut r = rule(cases, 49);
        r.case("valid", service());
        r.change("no ports", &service(), &[Set(ports, json!([]))]);
        r.change(
            "headless, no ports",
            &service(),
            &[Set(ports, json!([])), Set("/spec/clusterIP", json!("None"))],
        );
        r.change(
            "ExternalName, no ports",
            &service(),
            &[
                Set(ports, json!([])),
                Set("/spec/type", json!("ExternalName")),
                Set("/spec/externalName", json!("db.example.com")),
                Remove("/spec/selector"),
            ],
        );
        r.change(
            "two ports, no names",
            &service(),
            &[Set(ports, json!([{ "port": 80 }, { "port": 443 }]))],
        );
        r.change(
            "two ports, one name",
            &service(),
            &[Set(
                ports,
                json!([{ "port": 80, "name": "http" }, { "port": 443 }]),
            )],
        );
        r.change(
            "two ports, named",
            &service(),
            &[Set(
                ports,
                json!([{ "port": 80, "name": "http" }, { "port": 443, "name": "https" }]),
            )],
        );
        r.change(
            "two ports, one name twice",
            &service(),
            &[Set(
                ports,
                json!([{ "port": 80, "name": "web" }, { "port": 443, "name": "web" }]),
            )],
        );
        for name in [
            "http",
            "Http",
            "http.alt",
            repeat('p', 63).as_str(),
            repeat('p', 64).as_str(),
            "1http",
        ] {
            r.change(
                format!("port name {:?}", truncate(name)),
                &service(),
                &[Set(ports, json!([{ "port": 80, "name": name }]))],
            );
        }
        for port in [-1, 0, 1, 65535, 65536] {
            r.change(
                format!("port {port}"),
                &service(),
                &[Set(ports, json!([{ "port": port }]))],
            );
        }
        r.change(
            "port missing",
            &service(),
            &[Set(ports, json!([{ "targetPort": 8080 }]))],
        );
        for protocol in ["TCP", "UDP", "SCTP", "tcp", "HTTP"] {
            r.change(
                format!("protocol {protocol:?}"),
                &service(),
                &[Set(ports, json!([{ "port": 80, "protocol": protocol }]))],
            );
        }
        for target in [
            json!(0),
            json!(1),
            json!(65535),
            json!(65536),
            json!("http"),
            json!("HTTP"),
            json!("http-metrics-x12"),
            json!(""),
        ] {
            r.change(
                format!("targetPort {target}"),
                &service(),
                &[Set(ports, json!([{ "port": 80, "targetPort": target }]))],
            );
        }
        for protocol in [
            "http",
            "kubernetes.io/h2c",
            "example.com/custom",
            "my proto",
            "Example.com/x",
        ] {
            r.change(
                format!("appProtocol {protocol:?}"),
                &service(),
                &[Set(ports, json!([{ "port": 80, "appProtocol": protocol }]))],
            );
        }
        for kind in [
            "ClusterIP",
            "NodePort",
            "LoadBalancer",
            "clusterIP",
            "Internal",
        ] {
            r.change(
                format!("type {kind:?}"),
                &service(),
                &[Set("/spec/type", json!(kind))],
            );
        }
    }
    {
        let mut r = rule(cases, 50);
        let node_port = changed(&service(), &[Set("/spec/type", json!("NodePort"))]);
        r.case("valid", node_port.clone());
        r.change(
            "one port twice",
            &service(),
            &[Set(
                ports,
                json!([{ "port": 80, "name": "a" }, { "port": 80, "name": "b" }]),
            )],
        );
        r.change("one port, TCP and UDP", &service(), &[Set(ports, json!([{ "port": 53, "name": "a", "protocol": "TCP" }, { "port": 53, "name": "b", "protocol": "UDP" }]))]);
        r.change(
            "nodePort on ClusterIP",
            &service(),
            &[Set(ports, json!([{ "port": 80, "nodePort": 30080 }]))],
        );
        for port in [29999, 30000, 32767, 32768, 0] {
            r.change(
                format!("nodePort {port}"),
                &node_port,
                &[Set(ports, json!([{ "port": 80, "nodePort": port }]))],
            );
        }
        r.change("one nodePort twice", &node_port, &[Set(ports, json!([{ "port": 80, "name": "a", "nodePort": 30080 }, { "port": 81, "name": "b", "nodePort": 30080 }]))]);
    }
    {
        let mut r = rule(cases, 51);
        let lb = changed(&service(), &[Set("/spec/type", json!("LoadBalancer"))]);
        r.case("valid", lb.clone());
        r.change(
            "LoadBalancer port 10250",
            &lb,
            &[Set(ports, json!([{ "port": 10250 }]))],
        );
        r.change(
            "ClusterIP port 10250",
            &service(),
            &[Set(ports, json!([{ "port": 10250 }]))],
        );
        r.change(
            "LoadBalancer headless",
            &lb,
            &[Set("/spec/clusterIP", json!("None"))],
        );
        r.change(
            "loadBalancerSourceRanges on LoadBalancer",
            &lb,
            &[Set("/spec/loadBalancerSourceRanges", json!(["10.0.0.0/8"]))],
        );
        r.change(
            "loadBalancerSourceRanges on ClusterIP",
            &service(),
            &[Set("/spec/loadBalancerSourceRanges", json!(["10.0.0.0/8"]))],
        );
        r.change(
            "loadBalancerSourceRanges not a CIDR",
            &lb,
            &[Set("/spec/loadBalancerSourceRanges", json!(["10.0.0.0"]))],
        );
        r.change(
            "allocateLoadBalancerNodePorts on ClusterIP",
            &service(),
            &[Set("/spec/allocateLoadBalancerNodePorts", json!(false))],
        );
        r.change(
            "allocateLoadBalancerNodePorts false on LoadBalancer",
            &lb,
            &[Set("/spec/allocateLoadBalancerNodePorts", json!(false))],
        );
        r.change(
            "externalTrafficPolicy Local on ClusterIP",
            &service(),
            &[Set("/spec/externalTrafficPolicy", json!("Local"))],
        );
        r.change(
            "externalTrafficPolicy Local on LoadBalancer",
            &lb,
            &[Set("/spec/externalTrafficPolicy", json!("Local"))],
        );
        r.change(
            "externalTrafficPolicy near miss",
            &lb,
            &[Set("/spec/externalTrafficPolicy", json!("local"))],
        );
        let external = changed(
            &service(),
            &[
                Set("/spec/type", json!("ExternalName")),
                Set("/spec/externalName", json!("db.example.com")),
                Remove("/spec/selector"),
            ],
        );
        r.change("ExternalName", &external, &[]);
        r.change(
            "ExternalName with clusterIP",
            &external,
            &[Set("/spec/clusterIP", json!("10.96.0.10"))],
        );
        r.change(
            "ExternalName with ipFamilies",
            &external,
            &[Set("/spec/ipFamilies", json!(["IPv4"]))],
        );
        r.change(
            "externalName with '_'",
            &external,
            &[Set("/spec/externalName", json!("db_host.example.com"))],
        );
        r.change(
            "externalName missing",
            &external,
            &[Remove("/spec/externalName")],
        );
        r.change(
            "externalName of 254 chars",
            &external,
            &[Set(
                "/spec/externalName",
                json!(format!("{}.com", repeat('d', 250))),
            )],
        );
        r.change(
            "externalName with a trailing dot",
            &external,
            &[Set("/spec/externalName", json!("db.example.com."))],
        );
    }
    {
        let mut r = rule(cases, 52);
        r.case("valid", service());
        r.change(
            "selector key with a space",
            &service(),
            &[Set("/spec/selector", json!({ "my app": "case" }))],
        );
        r.change(
            "selector value of 64 chars",
            &service(),
            &[Set("/spec/selector", json!({ "app": repeat('v', 64) }))],
        );
        r.change(
            "selector value with '/'",
            &service(),
            &[Set("/spec/selector", json!({ "app": "a/b" }))],
        );
        r.change(
            "selector with a prefixed key",
            &service(),
            &[Set("/spec/selector", json!({ "example.com/app": "case" }))],
        );
    }
}

fn jobs(cases: &mut Vec<Case>) {
    let restart = "/spec/template/spec/restartPolicy";
    let indexed = changed(
        &job(),
        &[
            Set("/spec/completionMode", json!("Indexed")),
            Set("/spec/completions", json!(5)),
        ],
    );
    let failure_policy = json!({ "rules": [{ "action": "FailJob", "onExitCodes": { "operator": "In", "values": [42] } }] });
    {
        let mut r = rule(cases, 53);
        r.case("valid", job());
        for value in ["OnFailure", "Always", "always"] {
            r.change(
                format!("Job restartPolicy {value:?}"),
                &job(),
                &[Set(restart, json!(value))],
            );
        }
        r.change("Job restartPolicy unset", &job(), &[Remove(restart)]);
        r.change(
            "CronJob restartPolicy Always",
            &cronjob(),
            &[Set(
                "/spec/jobTemplate/spec/template/spec/restartPolicy",
                json!("Always"),
            )],
        );
    }
    {
        let mut r = rule(cases, 54);
        let with_policy = changed(
            &job(),
            &[Set("/spec/podFailurePolicy", failure_policy.clone())],
        );
        r.case("valid", with_policy.clone());
        r.change(
            "podFailurePolicy with OnFailure",
            &with_policy,
            &[Set(restart, json!("OnFailure"))],
        );
        r.change(
            "podFailurePolicy, podReplacementPolicy TerminatingOrFailed",
            &with_policy,
            &[Set(
                "/spec/podReplacementPolicy",
                json!("TerminatingOrFailed"),
            )],
        );
        r.change(
            "podFailurePolicy, podReplacementPolicy Failed",
            &with_policy,
            &[Set("/spec/podReplacementPolicy", json!("Failed"))],
        );
        let rule_of =
            json!({ "action": "Ignore", "onPodConditions": [{ "type": "DisruptionTarget" }] });
        for n in [20, 21] {
            r.change(
                format!("podFailurePolicy with {n} rules"),
                &job(),
                &[Set(
                    "/spec/podFailurePolicy",
                    json!({ "rules": vec![rule_of.clone(); n] }),
                )],
            );
        }
        r.change("rule with onExitCodes and onPodConditions", &job(), &[
            Set("/spec/podFailurePolicy", json!({ "rules": [{ "action": "Count", "onExitCodes": { "operator": "In", "values": [1] }, "onPodConditions": [{ "type": "DisruptionTarget" }] }] })),
        ]);
        r.change(
            "rule with neither",
            &job(),
            &[Set(
                "/spec/podFailurePolicy",
                json!({ "rules": [{ "action": "Count" }] }),
            )],
        );
        for action in ["Count", "FailJob", "Ignore", "FailIndex", "failJob"] {
            r.change(format!("action {action:?}"), &job(), &[Set("/spec/podFailurePolicy", json!({ "rules": [{ "action": action, "onExitCodes": { "operator": "In", "values": [1] } }] }))]);
        }
        r.change("FailIndex with backoffLimitPerIndex", &indexed, &[
            Set("/spec/backoffLimitPerIndex", json!(1)),
            Set("/spec/podFailurePolicy", json!({ "rules": [{ "action": "FailIndex", "onExitCodes": { "operator": "In", "values": [1] } }] })),
        ]);
    }
    {
        let mut r = rule(cases, 55);
        let codes = |operator: &str, values: Value| {
            changed(
                &job(),
                &[SetAt(
                    "/spec/podFailurePolicy".into(),
                    json!({ "rules": [{ "action": "FailJob", "onExitCodes": { "operator": operator, "values": values } }] }),
                )],
            )
        };
        r.case("valid", codes("In", json!([1, 2, 3])));
        r.case("NotIn [0]", codes("NotIn", json!([0])));
        r.case("In [0]", codes("In", json!([0, 1])));
        r.case("values unsorted", codes("In", json!([3, 1])));
        r.case("values repeated", codes("In", json!([1, 1])));
        r.case("no values", codes("In", json!([])));
        r.case(
            "255 values",
            codes("NotIn", json!((1..=255).collect::<Vec<i32>>())),
        );
        r.case(
            "256 values",
            codes("NotIn", json!((0..=255).collect::<Vec<i32>>())),
        );
        r.case("operator near miss", codes("in", json!([1])));
        r.case("negative exit code", codes("In", json!([-1])));
        r.change("containerName of the container", &job(), &[
            Set("/spec/podFailurePolicy", json!({ "rules": [{ "action": "FailJob", "onExitCodes": { "containerName": "app", "operator": "In", "values": [1] } }] })),
        ]);
        r.change("containerName unknown", &job(), &[
            Set("/spec/podFailurePolicy", json!({ "rules": [{ "action": "FailJob", "onExitCodes": { "containerName": "other", "operator": "In", "values": [1] } }] })),
        ]);
        let conditions = |patterns: Value| {
            changed(
                &job(),
                &[SetAt(
                    "/spec/podFailurePolicy".into(),
                    json!({ "rules": [{ "action": "Ignore", "onPodConditions": patterns }] }),
                )],
            )
        };
        r.case(
            "onPodConditions status False",
            conditions(json!([{ "type": "DisruptionTarget", "status": "False" }])),
        );
        r.case(
            "onPodConditions status near miss",
            conditions(json!([{ "type": "DisruptionTarget", "status": "true" }])),
        );
        r.case(
            "onPodConditions type invalid",
            conditions(json!([{ "type": "Disruption Target" }])),
        );
        r.case(
            "onPodConditions type with a prefix",
            conditions(json!([{ "type": "example.com/Ready" }])),
        );
        r.case(
            "onPodConditions without type",
            conditions(json!([{ "status": "True" }])),
        );
        r.case(
            "20 onPodConditions",
            conditions(json!(vec![json!({ "type": "DisruptionTarget" }); 20])),
        );
        r.case(
            "21 onPodConditions",
            conditions(json!(vec![json!({ "type": "DisruptionTarget" }); 21])),
        );
    }
    {
        let mut r = rule(cases, 56);
        r.case("valid", job());
        for field in [
            "parallelism",
            "completions",
            "activeDeadlineSeconds",
            "backoffLimit",
            "ttlSecondsAfterFinished",
        ] {
            for value in [-1, 0] {
                r.change(
                    format!("{field} {value}"),
                    &job(),
                    &[SetAt(format!("/spec/{field}"), json!(value))],
                );
            }
        }
        for field in ["backoffLimitPerIndex", "maxFailedIndexes"] {
            for value in [-1, 0] {
                r.change(
                    format!("Indexed, {field} {value}"),
                    &indexed,
                    &[
                        Set("/spec/backoffLimitPerIndex", json!(1)),
                        SetAt(format!("/spec/{field}"), json!(value)),
                    ],
                );
            }
        }
    }
    {
        let mut r = rule(cases, 57);
        r.case("valid", indexed.clone());
        for mode in ["NonIndexed", "indexed", "Ordered"] {
            r.change(
                format!("completionMode {mode:?}"),
                &job(),
                &[Set("/spec/completionMode", json!(mode))],
            );
        }
        r.change(
            "Indexed without completions",
            &indexed,
            &[Remove("/spec/completions")],
        );
        for parallelism in [100_000, 100_001] {
            r.change(
                format!("Indexed, parallelism {parallelism}"),
                &indexed,
                &[Set("/spec/parallelism", json!(parallelism))],
            );
        }
        for max in [5, 6] {
            r.change(
                format!("Indexed, 5 completions, maxFailedIndexes {max}"),
                &indexed,
                &[
                    Set("/spec/backoffLimitPerIndex", json!(1)),
                    Set("/spec/maxFailedIndexes", json!(max)),
                ],
            );
        }
        r.change(
            "maxFailedIndexes 100001",
            &indexed,
            &[
                Set("/spec/completions", json!(200_000)),
                Set("/spec/backoffLimitPerIndex", json!(1)),
                Set("/spec/maxFailedIndexes", json!(100_001)),
            ],
        );
        r.change(
            "over 100000 completions with backoffLimitPerIndex, no maxFailedIndexes",
            &indexed,
            &[
                Set("/spec/completions", json!(100_001)),
                Set("/spec/backoffLimitPerIndex", json!(1)),
            ],
        );
        r.change(
            "over 100000 completions, parallelism 10001",
            &indexed,
            &[
                Set("/spec/completions", json!(100_001)),
                Set("/spec/backoffLimitPerIndex", json!(1)),
                Set("/spec/maxFailedIndexes", json!(10)),
                Set("/spec/parallelism", json!(10_001)),
            ],
        );
        r.change(
            "over 100000 completions, parallelism 10000",
            &indexed,
            &[
                Set("/spec/completions", json!(100_001)),
                Set("/spec/backoffLimitPerIndex", json!(1)),
                Set("/spec/maxFailedIndexes", json!(10)),
                Set("/spec/parallelism", json!(10_000)),
            ],
        );
    }
    {
        let mut r = rule(cases, 58);
        r.case(
            "valid",
            changed(&indexed, &[Set("/spec/backoffLimitPerIndex", json!(1))]),
        );
        r.change(
            "backoffLimitPerIndex, NonIndexed",
            &job(),
            &[Set("/spec/backoffLimitPerIndex", json!(1))],
        );
        r.change(
            "maxFailedIndexes, NonIndexed",
            &job(),
            &[Set("/spec/maxFailedIndexes", json!(1))],
        );
        r.change(
            "maxFailedIndexes without backoffLimitPerIndex",
            &indexed,
            &[Set("/spec/maxFailedIndexes", json!(1))],
        );
        r.change(
            "successPolicy, NonIndexed",
            &job(),
            &[Set(
                "/spec/successPolicy",
                json!({ "rules": [{ "succeededCount": 1 }] }),
            )],
        );
        r.change(
            "successPolicy succeededCount",
            &indexed,
            &[Set(
                "/spec/successPolicy",
                json!({ "rules": [{ "succeededCount": 5 }] }),
            )],
        );
        r.change(
            "successPolicy succeededCount above completions",
            &indexed,
            &[Set(
                "/spec/successPolicy",
                json!({ "rules": [{ "succeededCount": 6 }] }),
            )],
        );
        r.change(
            "successPolicy succeededIndexes",
            &indexed,
            &[Set(
                "/spec/successPolicy",
                json!({ "rules": [{ "succeededIndexes": "0-2,4" }] }),
            )],
        );
        r.change(
            "successPolicy succeededIndexes out of range",
            &indexed,
            &[Set(
                "/spec/successPolicy",
                json!({ "rules": [{ "succeededIndexes": "0-9" }] }),
            )],
        );
        r.change(
            "successPolicy rule with neither",
            &indexed,
            &[Set("/spec/successPolicy", json!({ "rules": [{}] }))],
        );
        r.change(
            "successPolicy without rules",
            &indexed,
            &[Set("/spec/successPolicy", json!({ "rules": [] }))],
        );
        for n in [20, 21] {
            r.change(
                format!("successPolicy with {n} rules"),
                &indexed,
                &[Set(
                    "/spec/successPolicy",
                    json!({ "rules": vec![json!({ "succeededCount": 1 }); n] }),
                )],
            );
        }
    }
    {
        let mut r = rule(cases, 59);
        r.case(
            "valid",
            changed(
                &job(),
                &[Set(
                    "/spec/managedBy",
                    json!("example.com/batch-controller"),
                )],
            ),
        );
        for value in [
            "kubernetes.io/job-controller",
            "controller",
            "example.com/",
            "Example.com/x",
            format!("example.com/{}", repeat('m', 51)).as_str(),
            format!("example.com/{}", repeat('m', 52)).as_str(),
        ] {
            r.change(
                format!("managedBy {:?} ({} chars)", truncate(value), value.len()),
                &job(),
                &[Set("/spec/managedBy", json!(value))],
            );
        }
    }
    {
        let mut r = rule(cases, 60);
        let manual = changed(
            &job(),
            &[
                Set("/spec/manualSelector", json!(true)),
                Set(
                    "/spec/selector",
                    json!({ "matchLabels": { "app": "case" } }),
                ),
            ],
        );
        r.case("valid", manual.clone());
        r.change(
            "manual selector not matching",
            &manual,
            &[Set(
                "/spec/selector",
                json!({ "matchLabels": { "app": "other" } }),
            )],
        );
        r.change(
            "selector without manualSelector",
            &job(),
            &[Set(
                "/spec/selector",
                json!({ "matchLabels": { "app": "case" } }),
            )],
        );
        r.change(
            "CronJob jobTemplate with a selector",
            &cronjob(),
            &[Set(
                "/spec/jobTemplate/spec/selector",
                json!({ "matchLabels": { "app": "case" } }),
            )],
        );
        r.change(
            "CronJob jobTemplate with manualSelector",
            &cronjob(),
            &[Set("/spec/jobTemplate/spec/manualSelector", json!(true))],
        );
        r.change(
            "CronJob jobTemplate with manualSelector false",
            &cronjob(),
            &[Set("/spec/jobTemplate/spec/manualSelector", json!(false))],
        );
    }
}

fn cronjobs(cases: &mut Vec<Case>) {
    let schedule = "/spec/schedule";
    {
        let mut r = rule(cases, 61);
        r.case("valid", cronjob());
        for value in [
            "0 * * * *",
            "59 23 31 12 6",
            "60 * * * *",
            "-1 * * * *",
            "0 24 * * *",
            "0 0 0 * *",
            "0 0 32 * *",
            "0 0 * 0 *",
            "0 0 * 13 *",
            "0 0 * * 7",
            "0 0 * * 8",
            "0 0 * JAN MON",
            "0 0 * jan-mar mon-fri",
            "0 0 * * SUN-SAT",
            "0 0 ? * *",
            "*/15 * * * *",
            "*/0 * * * *",
            "0-59/5 * * * *",
            "5-1 * * * *",
            "1,2,3 * * * *",
            "* * * *",
            "* * * * * *",
            "@hourly",
            "@daily",
            "@midnight",
            "@weekly",
            "@monthly",
            "@yearly",
            "@annually",
            "@every 5m",
            "@every 1h30m",
            "@every 0s",
            "@reboot",
            "@Hourly",
            "",
            "not a schedule",
            "0 0 L * *",
            "0 0 15W * *",
            "H * * * *",
        ] {
            r.change(
                format!("schedule {value:?}"),
                &cronjob(),
                &[Set(schedule, json!(value))],
            );
        }
        r.change("schedule missing", &cronjob(), &[Remove(schedule)]);
    }
    {
        let mut r = rule(cases, 62);
        r.case(
            "valid",
            changed(&cronjob(), &[Set("/spec/timeZone", json!("Etc/UTC"))]),
        );
        for value in [
            "TZ=UTC 0 * * * *",
            "CRON_TZ=UTC 0 * * * *",
            "TZ=Europe/Berlin @daily",
            "CRON_TZ=Nowhere 0 * * * *",
        ] {
            r.change(
                format!("schedule {value:?}"),
                &cronjob(),
                &[Set(schedule, json!(value))],
            );
        }
        r.change(
            "TZ= in the schedule and timeZone",
            &cronjob(),
            &[
                Set(schedule, json!("TZ=UTC 0 * * * *")),
                Set("/spec/timeZone", json!("Etc/UTC")),
            ],
        );
    }
    {
        let mut r = rule(cases, 63);
        r.case(
            "valid",
            changed(&cronjob(), &[Set("/spec/timeZone", json!("Europe/Berlin"))]),
        );
        for value in [
            "UTC",
            "Etc/GMT+5",
            "America/Argentina/Buenos_Aires",
            "America/Port-au-Prince",
            "Local",
            "",
            "Europe/Nowhere",
            "europe/berlin",
            "Europe/../UTC",
            "../UTC",
            "-Europe/Berlin",
            "Europe/Berlin ",
            "Europe/ABCDEFGHIJKLMNO",
            "EST5EDT",
            "Etc/GMT-14",
        ] {
            r.change(
                format!("timeZone {value:?}"),
                &cronjob(),
                &[Set("/spec/timeZone", json!(value))],
            );
        }
    }
    {
        let mut r = rule(cases, 64);
        r.case("valid", cronjob());
        for value in ["Allow", "Forbid", "Replace", "allow", "Never"] {
            r.change(
                format!("concurrencyPolicy {value:?}"),
                &cronjob(),
                &[Set("/spec/concurrencyPolicy", json!(value))],
            );
        }
        for field in [
            "startingDeadlineSeconds",
            "successfulJobsHistoryLimit",
            "failedJobsHistoryLimit",
        ] {
            for value in [-1, 0, 1] {
                r.change(
                    format!("{field} {value}"),
                    &cronjob(),
                    &[SetAt(format!("/spec/{field}"), json!(value))],
                );
            }
        }
    }
}

fn apps(cases: &mut Vec<Case>) {
    let mut r = rule(cases, 65);
    for (kind, base) in [("Deployment", deployment()), ("StatefulSet", statefulset())] {
        r.case(format!("valid {kind}"), base.clone());
        r.change(
            format!("{kind} selector missing"),
            &base,
            &[Remove("/spec/selector")],
        );
        r.change(
            format!("{kind} empty selector"),
            &base,
            &[Set("/spec/selector", json!({}))],
        );
        r.change(
            format!("{kind} selector not matching"),
            &base,
            &[Set(
                "/spec/selector",
                json!({ "matchLabels": { "app": "other" } }),
            )],
        );
        r.change(format!("{kind} selector matchExpressions matching"), &base, &[
            Set("/spec/selector", json!({ "matchExpressions": [{ "key": "app", "operator": "In", "values": ["case", "web"] }] })),
        ]);
        r.change(format!("{kind} selector operator near miss"), &base, &[
            Set("/spec/selector", json!({ "matchExpressions": [{ "key": "app", "operator": "in", "values": ["case"] }] })),
        ]);
        for policy in ["Always", "OnFailure", "Never"] {
            r.change(
                format!("{kind} template restartPolicy {policy}"),
                &base,
                &[Set("/spec/template/spec/restartPolicy", json!(policy))],
            );
        }
        for replicas in [-1, 0, 1] {
            r.change(
                format!("{kind} replicas {replicas}"),
                &base,
                &[Set("/spec/replicas", json!(replicas))],
            );
        }
        r.change(
            format!("{kind} minReadySeconds -1"),
            &base,
            &[Set("/spec/minReadySeconds", json!(-1))],
        );
    }
    let deployment = deployment();
    let rolling = |surge: Value, unavailable: Value| {
        changed(
            &deployment,
            &[SetAt(
                "/spec/strategy".into(),
                json!({ "type": "RollingUpdate", "rollingUpdate": { "maxSurge": surge, "maxUnavailable": unavailable } }),
            )],
        )
    };
    for (surge, unavailable) in [
        (json!(0), json!(0)),
        (json!("0%"), json!(0)),
        (json!(0), json!(1)),
        (json!(1), json!(0)),
        (json!("25%"), json!("25%")),
        (json!("101%"), json!(0)),
        (json!(0), json!("101%")),
        (json!(-1), json!(1)),
        (json!("x%"), json!(1)),
    ] {
        r.case(
            format!("maxSurge {surge}, maxUnavailable {unavailable}"),
            rolling(surge, unavailable),
        );
    }
    r.change(
        "Recreate with rollingUpdate",
        &deployment,
        &[Set(
            "/spec/strategy",
            json!({ "type": "Recreate", "rollingUpdate": { "maxSurge": 1 } }),
        )],
    );
    r.change(
        "strategy type near miss",
        &deployment,
        &[Set("/spec/strategy", json!({ "type": "Rolling" }))],
    );
    for (deadline, min_ready) in [(600, 0), (10, 10), (10, 11), (11, 10), (0, 0)] {
        r.change(
            format!("progressDeadlineSeconds {deadline}, minReadySeconds {min_ready}"),
            &deployment,
            &[
                Set("/spec/progressDeadlineSeconds", json!(deadline)),
                Set("/spec/minReadySeconds", json!(min_ready)),
            ],
        );
    }
    r.change(
        "revisionHistoryLimit -1",
        &deployment,
        &[Set("/spec/revisionHistoryLimit", json!(-1))],
    );
    let statefulset = statefulset();
    for policy in ["OrderedReady", "Parallel", "parallel"] {
        r.change(
            format!("StatefulSet podManagementPolicy {policy:?}"),
            &statefulset,
            &[Set("/spec/podManagementPolicy", json!(policy))],
        );
    }
    r.change(
        "StatefulSet without serviceName",
        &statefulset,
        &[Remove("/spec/serviceName")],
    );
    r.change(
        "StatefulSet partition -1",
        &statefulset,
        &[Set(
            "/spec/updateStrategy",
            json!({ "type": "RollingUpdate", "rollingUpdate": { "partition": -1 } }),
        )],
    );
    r.change(
        "StatefulSet maxUnavailable 0",
        &statefulset,
        &[Set(
            "/spec/updateStrategy",
            json!({ "type": "RollingUpdate", "rollingUpdate": { "maxUnavailable": 0 } }),
        )],
    );
}

/// A valid Ingress: one rule, one `Prefix` path to a Service port.
pub fn ingress() -> Value {
    json!({
        "apiVersion": "networking.k8s.io/v1",
        "kind": "Ingress",
        "metadata": { "name": "case" },
        "spec": { "rules": [{ "host": "shop.example.com", "http": { "paths": [{
            "path": "/", "pathType": "Prefix",
            "backend": { "service": { "name": "case", "port": { "number": 80 } } }
        }] } }] }
    })
}

/// A valid IngressClass.
pub fn ingress_class() -> Value {
    json!({
        "apiVersion": "networking.k8s.io/v1",
        "kind": "IngressClass",
        "metadata": { "name": "case" },
        "spec": { "controller": "example.com/ingress-controller" }
    })
}

/// A valid PersistentVolumeClaim of 1 GiB.
pub fn claim() -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "PersistentVolumeClaim",
        "metadata": { "name": "case" },
        "spec": { "accessModes": ["ReadWriteOnce"], "resources": { "requests": { "storage": "1Gi" } } }
    })
}

/// A valid PersistentVolume of 1 GiB on an NFS export.
pub fn volume() -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "PersistentVolume",
        "metadata": { "name": "case" },
        "spec": {
            "accessModes": ["ReadWriteOnce"],
            "capacity": { "storage": "1Gi" },
            "nfs": { "server": "nfs.example.com", "path": "/exports/case" }
        }
    })
}

/// A valid StorageClass.
pub fn storage_class() -> Value {
    json!({
        "apiVersion": "storage.k8s.io/v1",
        "kind": "StorageClass",
        "metadata": { "name": "case" },
        "provisioner": "example.com/provisioner"
    })
}

/// A valid ResourceQuota.
pub fn quota() -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "ResourceQuota",
        "metadata": { "name": "case" },
        "spec": { "hard": { "pods": "10", "requests.cpu": "4", "limits.memory": "8Gi" } }
    })
}

/// A valid LimitRange: container defaults within min and max.
pub fn limit_range() -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "LimitRange",
        "metadata": { "name": "case" },
        "spec": { "limits": [{
            "type": "Container",
            "min": { "cpu": "100m" },
            "defaultRequest": { "cpu": "200m" },
            "default": { "cpu": "500m" },
            "max": { "cpu": "1" }
        }] }
    })
}

/// Rules 77-92: Ingresses, IngressClasses, storage, quotas and LimitRanges.
fn cluster_objects(cases: &mut Vec<Case>) {
    ingresses(cases);
    storage(cases);
    quotas(cases);
}

fn ingresses(cases: &mut Vec<Case>) {
    let backend = json!({ "service": { "name": "case", "port": { "number": 80 } } });
    let path0 = "/spec/rules/0/http/paths/0";
    {
        let mut r = rule(cases, 77);
        r.case("valid", ingress());
        r.change(
            "no rules and no defaultBackend",
            &ingress(),
            &[Remove("/spec/rules")],
        );
        r.change(
            "defaultBackend only",
            &ingress(),
            &[
                Remove("/spec/rules"),
                Set("/spec/defaultBackend", backend.clone()),
            ],
        );
        r.change(
            "http without paths",
            &ingress(),
            &[Set("/spec/rules/0/http/paths", json!([]))],
        );
        r.change(
            "rule without http",
            &ingress(),
            &[
                Remove("/spec/rules/0/http"),
                Set("/spec/defaultBackend", backend.clone()),
            ],
        );
    }
    {
        let mut r = rule(cases, 78);
        r.case("valid", ingress());
        for host in [
            "*.example.com",
            "Shop.example.com",
            "shop_1.example.com",
            "10.0.0.1",
            "*.*.example.com",
            "shop.example.com.",
        ] {
            r.change(
                format!("host {host:?}"),
                &ingress(),
                &[Set("/spec/rules/0/host", json!(host))],
            );
        }
        r.change(
            format!("host of {} chars", 254),
            &ingress(),
            &[Set(
                "/spec/rules/0/host",
                json!(format!(
                    "{}.{}.{}.{}",
                    repeat('a', 63),
                    repeat('b', 63),
                    repeat('c', 63),
                    repeat('d', 62)
                )),
            )],
        );
        r.change(
            "TLS host with '_'",
            &ingress(),
            &[Set(
                "/spec/tls",
                json!([{ "hosts": ["shop_1.example.com"], "secretName": "tls" }]),
            )],
        );
        r.change(
            "TLS secretName with '_'",
            &ingress(),
            &[Set(
                "/spec/tls",
                json!([{ "hosts": ["shop.example.com"], "secretName": "shop_tls" }]),
            )],
        );
        r.change(
            "TLS wildcard host",
            &ingress(),
            &[Set(
                "/spec/tls",
                json!([{ "hosts": ["*.example.com"], "secretName": "tls" }]),
            )],
        );
    }
    {
        let mut r = rule(cases, 79);
        r.case("valid", ingress());
        r.change(
            "pathType missing",
            &ingress(),
            &[Remove("/spec/rules/0/http/paths/0/pathType")],
        );
        r.change(
            "pathType near miss",
            &ingress(),
            &[SetAt(format!("{path0}/pathType"), json!("prefix"))],
        );
        for (kind, path) in [
            ("Exact", "/shop"),
            ("Exact", "shop"),
            ("Prefix", "/shop//cart"),
            ("Prefix", "/shop/./cart"),
            ("Prefix", "/shop/../cart"),
            ("Prefix", "/shop/.."),
            ("Prefix", "/shop%2fcart"),
            ("Prefix", "/shop/"),
            ("ImplementationSpecific", "/shop/(.*)"),
            ("ImplementationSpecific", "shop"),
        ] {
            r.change(
                format!("{kind} path {path:?}"),
                &ingress(),
                &[
                    SetAt(format!("{path0}/pathType"), json!(kind)),
                    SetAt(format!("{path0}/path"), json!(path)),
                ],
            );
        }
        r.change(
            "ImplementationSpecific without path",
            &ingress(),
            &[
                SetAt(format!("{path0}/pathType"), json!("ImplementationSpecific")),
                Remove("/spec/rules/0/http/paths/0/path"),
            ],
        );
    }
    {
        let mut r = rule(cases, 80);
        let at = format!("{path0}/backend");
        r.case("valid", ingress());
        for (name, value) in [
            (
                "service port by name",
                json!({ "service": { "name": "case", "port": { "name": "http" } } }),
            ),
            (
                "service port name and number",
                json!({ "service": { "name": "case", "port": { "name": "http", "number": 80 } } }),
            ),
            (
                "service without port",
                json!({ "service": { "name": "case", "port": {} } }),
            ),
            (
                "service port 0",
                json!({ "service": { "name": "case", "port": { "number": 0 } } }),
            ),
            (
                "service port 65536",
                json!({ "service": { "name": "case", "port": { "number": 65536 } } }),
            ),
            (
                "service port name 'HTTP'",
                json!({ "service": { "name": "case", "port": { "name": "HTTP" } } }),
            ),
            (
                "service name with a dot",
                json!({ "service": { "name": "case.v1", "port": { "number": 80 } } }),
            ),
            (
                "resource backend",
                json!({ "resource": { "apiGroup": "example.com", "kind": "Bucket", "name": "assets" } }),
            ),
            (
                "resource backend without kind",
                json!({ "resource": { "apiGroup": "example.com", "kind": "", "name": "assets" } }),
            ),
            (
                "service and resource",
                json!({ "service": { "name": "case", "port": { "number": 80 } }, "resource": { "apiGroup": "example.com", "kind": "Bucket", "name": "assets" } }),
            ),
            ("empty backend", json!({})),
        ] {
            r.change(name, &ingress(), &[SetAt(at.clone(), value)]);
        }
    }
    {
        let mut r = rule(cases, 81);
        r.case("valid", ingress());
        r.change(
            "ingressClassName",
            &ingress(),
            &[Set("/spec/ingressClassName", json!("nginx"))],
        );
        r.change(
            "ingressClassName with '_'",
            &ingress(),
            &[Set("/spec/ingressClassName", json!("my_class"))],
        );
        r.change(
            "ingressClassName and the same annotation",
            &ingress(),
            &[
                Set("/spec/ingressClassName", json!("nginx")),
                Set(
                    "/metadata/annotations",
                    json!({ "kubernetes.io/ingress.class": "nginx" }),
                ),
            ],
        );
        r.change(
            "ingressClassName and another annotation",
            &ingress(),
            &[
                Set("/spec/ingressClassName", json!("nginx")),
                Set(
                    "/metadata/annotations",
                    json!({ "kubernetes.io/ingress.class": "traefik" }),
                ),
            ],
        );
    }
    {
        let mut r = rule(cases, 82);
        r.case("valid", ingress_class());
        r.change(
            "controller missing",
            &ingress_class(),
            &[Remove("/spec/controller")],
        );
        r.change(
            "controller without a domain",
            &ingress_class(),
            &[Set("/spec/controller", json!("nginx"))],
        );
        r.change(
            "controller of 250 chars",
            &ingress_class(),
            &[Set(
                "/spec/controller",
                json!(format!("example.com/{}", repeat('c', 238))),
            )],
        );
        r.change(
            "controller of 251 chars",
            &ingress_class(),
            &[Set(
                "/spec/controller",
                json!(format!("example.com/{}", repeat('c', 239))),
            )],
        );
        let parameters = "/spec/parameters";
        for (name, value) in [
            (
                "parameters, cluster scope",
                json!({ "apiGroup": "example.com", "kind": "Params", "name": "p" }),
            ),
            (
                "parameters without kind",
                json!({ "apiGroup": "example.com", "kind": "", "name": "p" }),
            ),
            (
                "parameters, Namespace scope",
                json!({ "apiGroup": "example.com", "kind": "Params", "name": "p", "scope": "Namespace", "namespace": "ops" }),
            ),
            (
                "parameters, Namespace scope without namespace",
                json!({ "apiGroup": "example.com", "kind": "Params", "name": "p", "scope": "Namespace" }),
            ),
            (
                "parameters, Cluster scope with namespace",
                json!({ "apiGroup": "example.com", "kind": "Params", "name": "p", "scope": "Cluster", "namespace": "ops" }),
            ),
            (
                "parameters scope near miss",
                json!({ "apiGroup": "example.com", "kind": "Params", "name": "p", "scope": "cluster" }),
            ),
        ] {
            r.change(name, &ingress_class(), &[Set(parameters, value)]);
        }
    }
}

fn storage(cases: &mut Vec<Case>) {
    {
        let mut r = rule(cases, 83);
        r.case("valid", claim());
        for modes in [
            json!([]),
            json!(["ReadWriteMany", "ReadOnlyMany"]),
            json!(["ReadWriteOncePod"]),
            json!(["ReadWriteOncePod", "ReadWriteOnce"]),
            json!(["readWriteOnce"]),
        ] {
            r.change(
                format!("claim accessModes {modes}"),
                &claim(),
                &[SetAt("/spec/accessModes".into(), modes.clone())],
            );
            r.change(
                format!("volume accessModes {modes}"),
                &volume(),
                &[SetAt("/spec/accessModes".into(), modes)],
            );
        }
    }
    {
        let mut r = rule(cases, 84);
        let storage = "/spec/resources/requests/storage";
        r.case("valid", claim());
        for size in ["0", "1", "-1Gi", "1GB"] {
            r.change(
                format!("claim storage {size:?}"),
                &claim(),
                &[Set(storage, json!(size))],
            );
        }
        r.change("claim without storage", &claim(), &[Remove(storage)]);
        for class in ["", "fast", "fast_ssd"] {
            r.change(
                format!("storageClassName {class:?}"),
                &claim(),
                &[Set("/spec/storageClassName", json!(class))],
            );
        }
        for mode in ["Filesystem", "Block", "block"] {
            r.change(
                format!("volumeMode {mode:?}"),
                &claim(),
                &[Set("/spec/volumeMode", json!(mode))],
            );
        }
    }
    {
        let mut r = rule(cases, 85);
        r.case("valid", volume());
        r.change(
            "volume without capacity",
            &volume(),
            &[Remove("/spec/capacity")],
        );
        r.change(
            "volume capacity 0",
            &volume(),
            &[Set("/spec/capacity/storage", json!("0"))],
        );
        r.change(
            "volume capacity of cpu",
            &volume(),
            &[Set("/spec/capacity/cpu", json!("1"))],
        );
        r.change("volume without a source", &volume(), &[Remove("/spec/nfs")]);
        r.change(
            "volume with two sources",
            &volume(),
            &[Set("/spec/hostPath", json!({ "path": "/data" }))],
        );
    }
    {
        let mut r = rule(cases, 86);
        let host_path = changed(
            &volume(),
            &[
                Remove("/spec/nfs"),
                Set("/spec/hostPath", json!({ "path": "/data" })),
            ],
        );
        r.case("valid", volume());
        r.case("hostPath", host_path.clone());
        r.change(
            "hostPath with '..'",
            &host_path,
            &[Set("/spec/hostPath/path", json!("/data/../etc"))],
        );
        r.change(
            "hostPath type near miss",
            &host_path,
            &[Set("/spec/hostPath/type", json!("directory"))],
        );
        r.change(
            "hostPath type DirectoryOrCreate",
            &host_path,
            &[Set("/spec/hostPath/type", json!("DirectoryOrCreate"))],
        );
        r.change(
            "nfs without server",
            &volume(),
            &[Set("/spec/nfs/server", json!(""))],
        );
        r.change(
            "nfs relative path",
            &volume(),
            &[Set("/spec/nfs/path", json!("exports/case"))],
        );
        let csi = changed(
            &volume(),
            &[
                Remove("/spec/nfs"),
                Set(
                    "/spec/csi",
                    json!({ "driver": "csi.example.com", "volumeHandle": "vol-1" }),
                ),
            ],
        );
        r.case("csi", csi.clone());
        r.change(
            "csi without volumeHandle",
            &csi,
            &[Remove("/spec/csi/volumeHandle")],
        );
        r.change(
            "csi driver of 64 chars",
            &csi,
            &[Set(
                "/spec/csi/driver",
                json!(format!("{}.com", repeat('d', 60))),
            )],
        );
        r.change(
            "csi driver with '_'",
            &csi,
            &[Set("/spec/csi/driver", json!("csi_driver.example.com"))],
        );
        let local = changed(
            &volume(),
            &[
                Remove("/spec/nfs"),
                Set("/spec/local", json!({ "path": "/mnt/disk" })),
            ],
        );
        r.case("local without nodeAffinity", local.clone());
        r.change(
            "local with nodeAffinity",
            &local,
            &[Set(
                "/spec/nodeAffinity",
                json!({ "required": { "nodeSelectorTerms": [{ "matchExpressions": [{ "key": "kubernetes.io/hostname", "operator": "In", "values": ["node-1"] }] }] } }),
            )],
        );
    }
    {
        let mut r = rule(cases, 87);
        r.case("valid", volume());
        for policy in ["Retain", "Delete", "Recycle", "recycle"] {
            r.change(
                format!("reclaim policy {policy:?}"),
                &volume(),
                &[Set("/spec/persistentVolumeReclaimPolicy", json!(policy))],
            );
        }
        let csi = changed(
            &volume(),
            &[
                Remove("/spec/nfs"),
                Set(
                    "/spec/csi",
                    json!({ "driver": "csi.example.com", "volumeHandle": "vol-1" }),
                ),
            ],
        );
        r.change(
            "Recycle on a csi volume",
            &csi,
            &[Set("/spec/persistentVolumeReclaimPolicy", json!("Recycle"))],
        );
        r.change(
            "Recycle on hostPath /",
            &volume(),
            &[
                Remove("/spec/nfs"),
                Set("/spec/hostPath", json!({ "path": "/" })),
                Set("/spec/persistentVolumeReclaimPolicy", json!("Recycle")),
            ],
        );
    }
    {
        let mut r = rule(cases, 88);
        r.case("valid", storage_class());
        r.change(
            "provisioner missing",
            &storage_class(),
            &[Remove("/provisioner")],
        );
        r.change(
            "provisioner with a space",
            &storage_class(),
            &[Set("/provisioner", json!("example com/provisioner"))],
        );
        r.change(
            "provisioner without a domain",
            &storage_class(),
            &[Set("/provisioner", json!("provisioner"))],
        );
        for policy in ["Delete", "Retain", "Recycle"] {
            r.change(
                format!("reclaimPolicy {policy:?}"),
                &storage_class(),
                &[Set("/reclaimPolicy", json!(policy))],
            );
        }
        for mode in ["Immediate", "WaitForFirstConsumer", "immediate"] {
            r.change(
                format!("volumeBindingMode {mode:?}"),
                &storage_class(),
                &[Set("/volumeBindingMode", json!(mode))],
            );
        }
        r.change(
            "parameter with an empty name",
            &storage_class(),
            &[Set("/parameters", json!({ "": "x" }))],
        );
        let limit = 256 * 1024;
        r.change(
            "parameters of 256 KiB + 1",
            &storage_class(),
            &[Set("/parameters", json!({ "p": repeat('x', limit) }))],
        );
    }
}

fn quotas(cases: &mut Vec<Case>) {
    {
        let mut r = rule(cases, 89);
        r.case("valid", quota());
        for (name, value) in [
            ("count/deployments.apps", "5"),
            ("requests.storage", "100Gi"),
            ("example.com/gpu", "2"),
            ("requests.example.com/gpu", "2"),
            ("cpus", "4"),
            ("Pods", "4"),
            ("pods", "-1"),
            ("pods", "1.5"),
            ("requests.example.com/gpu", "500m"),
            ("services.loadbalancers", "2"),
        ] {
            r.change(
                format!("hard {name} {value}"),
                &quota(),
                &[SetAt(
                    format!("/spec/hard/{}", name.replace('/', "~1")),
                    json!(value),
                )],
            );
        }
    }
    {
        let mut r = rule(cases, 90);
        let pods = changed(&quota(), &[Set("/spec/hard", json!({ "pods": "10" }))]);
        r.case("valid", pods.clone());
        for scopes in [
            json!(["BestEffort"]),
            json!(["NotBestEffort"]),
            json!(["Terminating", "NotTerminating"]),
            json!(["BestEffort", "NotBestEffort"]),
            json!(["bestEffort"]),
            json!(["PriorityClass"]),
        ] {
            r.change(
                format!("scopes {scopes}"),
                &pods,
                &[SetAt("/spec/scopes".into(), scopes)],
            );
        }
        r.change(
            "BestEffort with requests.cpu",
            &quota(),
            &[Set("/spec/scopes", json!(["BestEffort"]))],
        );
        for (name, expression) in [
            (
                "scopeSelector PriorityClass In",
                json!({ "scopeName": "PriorityClass", "operator": "In", "values": ["high"] }),
            ),
            (
                "scopeSelector PriorityClass In without values",
                json!({ "scopeName": "PriorityClass", "operator": "In" }),
            ),
            (
                "scopeSelector Exists with values",
                json!({ "scopeName": "PriorityClass", "operator": "Exists", "values": ["high"] }),
            ),
            (
                "scopeSelector Terminating In",
                json!({ "scopeName": "Terminating", "operator": "In", "values": ["x"] }),
            ),
            (
                "scopeSelector Terminating Exists",
                json!({ "scopeName": "Terminating", "operator": "Exists" }),
            ),
            (
                "scopeSelector operator near miss",
                json!({ "scopeName": "PriorityClass", "operator": "in", "values": ["high"] }),
            ),
            (
                "scopeSelector scope near miss",
                json!({ "scopeName": "priorityClass", "operator": "Exists" }),
            ),
        ] {
            r.change(
                name,
                &pods,
                &[Set(
                    "/spec/scopeSelector",
                    json!({ "matchExpressions": [expression] }),
                )],
            );
        }
    }
    {
        let mut r = rule(cases, 91);
        r.case("valid", limit_range());
        let item = "/spec/limits/0";
        for (name, value) in [
            (
                "type near miss",
                json!({ "type": "container", "max": { "cpu": "1" } }),
            ),
            ("type Pod", json!({ "type": "Pod", "max": { "cpu": "2" } })),
            (
                "type Pod with default",
                json!({ "type": "Pod", "default": { "cpu": "1" } }),
            ),
            (
                "type PersistentVolumeClaim",
                json!({ "type": "PersistentVolumeClaim", "max": { "storage": "10Gi" } }),
            ),
            (
                "PersistentVolumeClaim without storage",
                json!({ "type": "PersistentVolumeClaim", "max": { "cpu": "1" } }),
            ),
            (
                "type example.com/Thing",
                json!({ "type": "example.com/Thing", "max": { "cpu": "1" } }),
            ),
            (
                "resource name gpu",
                json!({ "type": "Container", "max": { "gpu": "1" } }),
            ),
        ] {
            r.change(name, &limit_range(), &[Set(item, value)]);
        }
        r.change(
            "Container twice",
            &limit_range(),
            &[Set(
                "/spec/limits/1",
                json!({ "type": "Container", "max": { "memory": "1Gi" } }),
            )],
        );
    }
    {
        let mut r = rule(cases, 92);
        let item = "/spec/limits/0";
        r.case("valid", limit_range());
        for (name, value) in [
            (
                "min above max",
                json!({ "type": "Container", "min": { "cpu": "2" }, "max": { "cpu": "1" } }),
            ),
            (
                "min equal to max",
                json!({ "type": "Container", "min": { "cpu": "1" }, "max": { "cpu": "1" } }),
            ),
            (
                "defaultRequest above default",
                json!({ "type": "Container", "defaultRequest": { "cpu": "2" }, "default": { "cpu": "1" } }),
            ),
            (
                "default above max",
                json!({ "type": "Container", "default": { "cpu": "2" }, "max": { "cpu": "1" } }),
            ),
            (
                "defaultRequest below min",
                json!({ "type": "Container", "min": { "cpu": "1" }, "defaultRequest": { "cpu": "500m" } }),
            ),
            (
                "maxLimitRequestRatio 1",
                json!({ "type": "Container", "maxLimitRequestRatio": { "cpu": "1" } }),
            ),
            (
                "maxLimitRequestRatio 500m",
                json!({ "type": "Container", "maxLimitRequestRatio": { "cpu": "500m" } }),
            ),
            (
                "maxLimitRequestRatio above max/min",
                json!({ "type": "Container", "min": { "cpu": "1" }, "max": { "cpu": "2" }, "maxLimitRequestRatio": { "cpu": "3" } }),
            ),
            (
                "hugepages default and defaultRequest differ",
                json!({ "type": "Container", "default": { "hugepages-2Mi": "4Mi" }, "defaultRequest": { "hugepages-2Mi": "2Mi" } }),
            ),
            (
                "extended resource default and defaultRequest equal",
                json!({ "type": "Container", "default": { "example.com/gpu": "1" }, "defaultRequest": { "example.com/gpu": "1" } }),
            ),
        ] {
            r.change(name, &limit_range(), &[Set(item, value)]);
        }
    }
}

/// The pod fields of rules 93 to 98: topology spread, sysctls, scheduling and readiness gates,
/// pod-level resources and the volume sources outside the pod.
fn pod_fields(cases: &mut Vec<Case>) {
    {
        let mut r = rule(cases, 93);
        let at = "/spec/topologySpreadConstraints";
        let spread = |c: Value| Set(at, json!([c]));
        let zone = json!({ "maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "DoNotSchedule", "labelSelector": { "matchLabels": { "app": "case" } } });
        r.case("valid", changed(&pod(), &[spread(zone.clone())]));
        let with = |field: &str, value: Value| {
            let mut c = zone.clone();
            set(&mut c, field, value);
            c
        };
        r.change("maxSkew 0", &pod(), &[spread(with("/maxSkew", json!(0)))]);
        r.change(
            "empty topologyKey",
            &pod(),
            &[spread(with("/topologyKey", json!("")))],
        );
        r.change(
            "topologyKey with a space",
            &pod(),
            &[spread(with("/topologyKey", json!("my zone")))],
        );
        r.change(
            "whenUnsatisfiable ScheduleAnyway",
            &pod(),
            &[spread(with("/whenUnsatisfiable", json!("ScheduleAnyway")))],
        );
        r.change(
            "whenUnsatisfiable near miss",
            &pod(),
            &[spread(with("/whenUnsatisfiable", json!("doNotSchedule")))],
        );
        r.change(
            "pair twice",
            &pod(),
            &[Set(at, json!([zone.clone(), zone.clone()]))],
        );
        r.change(
            "minDomains 2",
            &pod(),
            &[spread(with("/minDomains", json!(2)))],
        );
        r.change(
            "minDomains 0",
            &pod(),
            &[spread(with("/minDomains", json!(0)))],
        );
        let anyway = with("/whenUnsatisfiable", json!("ScheduleAnyway"));
        let mut anyway_min = anyway.clone();
        set(&mut anyway_min, "/minDomains", json!(2));
        r.change(
            "minDomains with ScheduleAnyway",
            &pod(),
            &[spread(anyway_min)],
        );
        r.change(
            "nodeTaintsPolicy Honor",
            &pod(),
            &[spread(with("/nodeTaintsPolicy", json!("Honor")))],
        );
        r.change(
            "nodeAffinityPolicy near miss",
            &pod(),
            &[spread(with("/nodeAffinityPolicy", json!("honor")))],
        );
        r.change(
            "matchLabelKeys pod-template-hash",
            &deployment(),
            &[Set(
                "/spec/template/spec/topologySpreadConstraints",
                json!([with("/matchLabelKeys", json!(["pod-template-hash"]))]),
            )],
        );
        r.change(
            "matchLabelKeys with a space",
            &pod(),
            &[spread(with("/matchLabelKeys", json!(["bad key"])))],
        );
        r.change(
            "labelSelector In without values",
            &pod(),
            &[spread(with(
                "/labelSelector",
                json!({ "matchExpressions": [{ "key": "app", "operator": "In" }] }),
            ))],
        );
        r.change(
            "labelSelector value with a space",
            &pod(),
            &[spread(with(
                "/labelSelector",
                json!({ "matchLabels": { "app": "a b" } }),
            ))],
        );
    }
    {
        let mut r = rule(cases, 94);
        let at = "/spec/securityContext/sysctls";
        let one = |name: &str| Set(at, json!([{ "name": name, "value": "1" }]));
        r.case("valid", changed(&pod(), &[one("net.core.somaxconn")]));
        r.change(
            "sysctl with slashes",
            &pod(),
            &[one("net/ipv4/ip_local_port_range")],
        );
        r.change(
            "sysctl with uppercase",
            &pod(),
            &[one("net.core.Somaxconn")],
        );
        r.change("sysctl with two dots", &pod(), &[one("net..core")]);
        r.change("sysctl empty name", &pod(), &[one("")]);
        r.change("sysctl twice", &pod(), &[Set(at, json!([{ "name": "kernel.msgmax", "value": "1" }, { "name": "kernel.msgmax", "value": "2" }]))]);
        r.change(
            "net sysctl with hostNetwork",
            &pod(),
            &[
                one("net.core.somaxconn"),
                Set("/spec/hostNetwork", json!(true)),
            ],
        );
        r.change(
            "kernel.shm sysctl with hostNetwork",
            &pod(),
            &[
                one("kernel.shm_rmid_forced"),
                Set("/spec/hostNetwork", json!(true)),
            ],
        );
        r.change(
            "kernel.shm sysctl with hostIPC",
            &pod(),
            &[
                one("kernel.shm_rmid_forced"),
                Set("/spec/hostIPC", json!(true)),
            ],
        );
        r.change(
            "fs.mqueue sysctl with hostIPC",
            &pod(),
            &[one("fs.mqueue.msg_max"), Set("/spec/hostIPC", json!(true))],
        );
    }
    {
        let mut r = rule(cases, 95);
        let at = "/spec/schedulingGates";
        r.case(
            "valid",
            changed(&pod(), &[Set(at, json!([{ "name": "example.com/quota" }]))]),
        );
        r.change(
            "gate with a space",
            &pod(),
            &[Set(at, json!([{ "name": "bad gate" }]))],
        );
        r.change(
            "gate twice",
            &pod(),
            &[Set(at, json!([{ "name": "ready" }, { "name": "ready" }]))],
        );
        r.change(
            "gate with two '/'",
            &pod(),
            &[Set(at, json!([{ "name": "a/b/c" }]))],
        );
    }
    {
        let mut r = rule(cases, 96);
        let at = "/spec/readinessGates";
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(
                    at,
                    json!([{ "conditionType": "example.com/lb-ready" }]),
                )],
            ),
        );
        r.change(
            "empty conditionType",
            &pod(),
            &[Set(at, json!([{ "conditionType": "" }]))],
        );
        r.change(
            "conditionType with a space",
            &pod(),
            &[Set(at, json!([{ "conditionType": "lb ready" }]))],
        );
    }
    {
        let mut r = rule(cases, 97);
        let at = "/spec/resources";
        r.case(
            "valid",
            changed(
                &pod(),
                &[Set(
                    at,
                    json!({ "requests": { "cpu": "1" }, "limits": { "memory": "1Gi" } }),
                )],
            ),
        );
        r.change(
            "pod-level ephemeral-storage",
            &pod(),
            &[Set(
                at,
                json!({ "requests": { "ephemeral-storage": "1Gi" } }),
            )],
        );
        r.change(
            "pod-level request above limit",
            &pod(),
            &[Set(
                at,
                json!({ "requests": { "cpu": "2" }, "limits": { "cpu": "1" } }),
            )],
        );
        r.change(
            "pod-level negative memory",
            &pod(),
            &[Set(at, json!({ "requests": { "memory": "-1" } }))],
        );
        r.change(
            "pod-level request below containers",
            &pod(),
            &[
                Set(at, json!({ "requests": { "cpu": "500m" } })),
                Set(
                    "/spec/containers/0/resources",
                    json!({ "requests": { "cpu": "1" } }),
                ),
            ],
        );
        r.change(
            "container limit above pod limit",
            &pod(),
            &[
                Set(at, json!({ "limits": { "memory": "1Gi" } })),
                Set(
                    "/spec/containers/0/resources",
                    json!({ "requests": { "memory": "512Mi" }, "limits": { "memory": "2Gi" } }),
                ),
            ],
        );
        r.change(
            "pod-level resources on a windows pod",
            &pod(),
            &[
                Set(at, json!({ "requests": { "cpu": "1" } })),
                Set("/spec/os", json!({ "name": "windows" })),
            ],
        );
    }
    {
        let mut r = rule(cases, 98);
        let at = "/spec/volumes";
        let volume =
            |source: &str, value: Value| Set(at, json!([{ "name": "data", source: value }]));
        r.case(
            "valid",
            changed(
                &pod(),
                &[volume(
                    "nfs",
                    json!({ "server": "nfs.example.com", "path": "/exports" }),
                )],
            ),
        );
        r.change(
            "nfs without server",
            &pod(),
            &[volume("nfs", json!({ "server": "", "path": "/exports" }))],
        );
        r.change(
            "nfs relative path",
            &pod(),
            &[volume("nfs", json!({ "server": "nfs", "path": "exports" }))],
        );
        r.change(
            "csi valid",
            &pod(),
            &[volume(
                "csi",
                json!({ "driver": "secrets-store.csi.k8s.io" }),
            )],
        );
        r.change(
            "csi uppercase driver",
            &pod(),
            &[volume(
                "csi",
                json!({ "driver": "Secrets-Store.CSI.k8s.io" }),
            )],
        );
        r.change(
            "csi empty driver",
            &pod(),
            &[volume("csi", json!({ "driver": "" }))],
        );
        r.change(
            "csi driver with '_'",
            &pod(),
            &[volume("csi", json!({ "driver": "bad_driver" }))],
        );
        r.change(
            "csi driver of 64 chars",
            &pod(),
            &[volume("csi", json!({ "driver": repeat('d', 64) }))],
        );
        let claim = json!({ "spec": { "accessModes": ["ReadWriteOnce"], "resources": { "requests": { "storage": "1Gi" } } } });
        r.change(
            "ephemeral valid",
            &pod(),
            &[volume("ephemeral", json!({ "volumeClaimTemplate": claim }))],
        );
        r.change(
            "ephemeral without template",
            &pod(),
            &[volume("ephemeral", json!({}))],
        );
        r.change(
            "ephemeral without storage",
            &pod(),
            &[volume(
                "ephemeral",
                json!({ "volumeClaimTemplate": { "spec": { "accessModes": ["ReadWriteOnce"] } } }),
            )],
        );
        r.change(
            "image valid",
            &pod(),
            &[volume(
                "image",
                json!({ "reference": "quay.io/crio/artifact:v1", "pullPolicy": "IfNotPresent" }),
            )],
        );
        r.change(
            "image without reference",
            &pod(),
            &[volume("image", json!({}))],
        );
        r.change(
            "image reference with a space",
            &pod(),
            &[volume(
                "image",
                json!({ "reference": " quay.io/crio/artifact:v1" }),
            )],
        );
        r.change(
            "image pullPolicy near miss",
            &pod(),
            &[volume(
                "image",
                json!({ "reference": "quay.io/crio/artifact:v1", "pullPolicy": "always" }),
            )],
        );
    }
}
