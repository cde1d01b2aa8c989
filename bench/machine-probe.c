/* What this machine charges for what a database client does most: waking another thread (a round
 * trip through two pipes, as a query and its answer wake the server and then the client) and a page
 * fault. bench/README.md (e) quotes it.  gcc -O2 -pthread bench/machine-probe.c -o /tmp/probe && /tmp/probe */
#include <stdio.h>
#include <unistd.h>
#include <pthread.h>
#include <time.h>
#include <sys/mman.h>
int p1[2],p2[2];
void* f(void*a){char c;for(int i=0;i<100000;i++){read(p1[0],&c,1);write(p2[1],&c,1);}return 0;}
double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(){pipe(p1);pipe(p2);pthread_t t;pthread_create(&t,0,f,0);char c='x';double s=now();
for(int i=0;i<100000;i++){write(p1[1],&c,1);read(p2[0],&c,1);}
printf("round trip via pipe: %.2f us\n",(now()-s)/100000*1e6);
size_t n=1<<30; s=now(); char*m=mmap(0,n,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0);
for(size_t i=0;i<n;i+=4096)m[i]=1; printf("page fault: %.2f us\n",(now()-s)/(n/4096)*1e6);}
