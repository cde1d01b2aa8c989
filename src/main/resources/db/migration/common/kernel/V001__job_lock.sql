-- Leases for jobs that must run on one node at a time, whatever the number of nodes.
CREATE TABLE job_lock (
    name         VARCHAR(100) PRIMARY KEY,
    locked_until TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    locked_by    VARCHAR(100) NOT NULL
);
