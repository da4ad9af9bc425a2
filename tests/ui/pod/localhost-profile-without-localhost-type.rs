fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        securityContext: { seccompProfile: { type: RuntimeDefault, localhostProfile: "profiles/audit.json" } },
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
