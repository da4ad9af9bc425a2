fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        securityContext: { fsGroup: 2000, fsGroupChangePolicy: OnRootMissmatch },
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
