fn main() {
    let _job = k8s_dsl::job! {
        name: "math_add",
        template: { restartPolicy: Never, containers: [ { name: "math-add", image: "ubuntu" } ] },
    };
}
