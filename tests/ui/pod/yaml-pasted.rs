fn main() {
    let _pod = k8s_dsl::pod! {
	name: web
	containers:
	- name: app
	  image: nginx
	- name: log
	  image: busybox
    };
}
