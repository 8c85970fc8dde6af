using Quartz;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>Composition of background jobs: options, Quartz on this node, the queue, and the /api/v1/jobs endpoints.</summary>
public static class JobsModule
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        services.AddSingleton(options);
        services.AddSingleton<JobFiles>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobScheduler>();
        services.AddScoped<JobQueue>();
        services.AddScoped<JobQueries>();
        // Quartz keeps schedulers in a process-wide registry by name: one name per host (tests run several).
        var properties = new System.Collections.Specialized.NameValueCollection { ["quartz.scheduler.instanceName"] = "CourierCrm-" + Guid.NewGuid().ToString("N") };
        services.AddQuartz(properties, q =>
        {
            q.UseInMemoryStore();
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Max(1, options.MaxConcurrentJobs) + 1);
            q.AddJob<RunBackgroundJob>(j => j.WithIdentity(RunBackgroundJob.Key).StoreDurably());
            q.AddJob<FindWaitingJobs>(j => j.WithIdentity(FindWaitingJobs.Key));
            q.AddTrigger(t => t.ForJob(FindWaitingJobs.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds))).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        return services;
    }

    /// <summary>Registers the handler of one job kind.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services) where THandler : class, IJobHandler =>
        services.AddScoped<IJobHandler, THandler>();
}
