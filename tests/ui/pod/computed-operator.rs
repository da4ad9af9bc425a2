fn main() {
    let operator = "Exists";
    let _pod = k8s_dsl::pod! {
        name: "web",
        tolerations: [ { key: "dedicated", operator: (operator.parse().unwrap()) } ],
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
