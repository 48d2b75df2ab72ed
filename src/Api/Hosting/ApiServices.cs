using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using AniPlanner.Api.AniPlanning;
using AniPlanner.Api.Authentication;
using AniPlanner.Api.Common;
using AniPlanner.Api.Errors;
using AniPlanner.Application;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Auditing;
using AniPlanner.Application.Common.Behaviours;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AniPlanner.Api.Hosting;

public static class ApiServices
{
    /// <summary>Health checks that say whether the service can take traffic (not just whether it runs).</summary>
    public const string ReadyTag = "ready";

    /// <summary>The HTTP edge: controllers, JSON, errors, credentials, health.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            // Scoped: handlers use the request's DbContext.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // The generator reads this at compile time: a type names the assembly whose handlers it wires.
            options.Assemblies = [typeof(ApplicationAssembly)];
            // Outermost first: a driver's failure anywhere inside (validators included) leaves as
            // the application's own exception, which the exception handler maps.
            options.PipelineBehaviors = [typeof(DatabaseFailureTranslation<,>), typeof(ValidationBehaviour<,>)];
        });

        services.AddControllers(mvc =>
            {
                ModelStateErrors.ShortenEchoedValues(mvc.ModelBindingMessageProvider);

                // No endpoint takes a form, yet MVC parsed any form body for its value providers
                // first (a field named "[" threw there: a 500); without them a form is a 415.
                mvc.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
                mvc.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                mvc.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
            })
            .AddJsonOptions(json =>
            {
                // The contracts pin their field names on the DTOs; no naming policy guesses them.
                // Strict numbers: "30000" in quotes is a wrong type, answered 400, not guessed at.
                json.JsonSerializerOptions.NumberHandling = JsonNumberHandling.Strict;
                json.JsonSerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                json.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
                json.JsonSerializerOptions.Converters.Add(new TextWithoutNulConverter());
                // The reader's exception itself reaches ModelStateErrors (not only its message), so
                // a body that is not UTF-8 is told apart from a value of the wrong type.
                json.AllowInputFormatterExceptionMessages = false;
            })
            .ConfigureApiBehaviorOptions(behaviour =>
            {
                behaviour.SuppressMapClientErrors = true;
                behaviour.InvalidModelStateResponseFactory = ModelStateErrors.ToResult;
            });

        // The OpenAPI generator reads these options: they must describe what MVC really does.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);

        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<RegisteredEndpoints>();
        services.AddProblemDetails();

        services.AddOptions<DialImportOptions>().BindConfiguration(DialImportOptions.Section)
            .Validate(limits => limits.IsValid, DialImportOptions.InvalidMessage).ValidateOnStart();
        services.AddOptions<WireOptions>().BindConfiguration(WireOptions.Section)
            .Validate(wire => wire.IsValid, WireOptions.InvalidMessage).ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).Validate(admin => admin.IsValid, AdminOptions.TooShortMessage);
        services.AddAuthentication(CredentialsAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CredentialsAuthenticationHandler>(
                CredentialsAuthenticationHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder().AddCallerPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenResultHandler>();
        services.AddSingleton(provider => new DevelopmentCredentials(accepted: provider.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        services.AddHttpContextAccessor();
        services.AddSingleton<ICurrentActor, HttpCurrentActor>();

        services.AddServiceProtection();
        services.AddSingleton<ShutdownDeadline>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]).AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer<OpenApiDocumentDescription>()
            .AddSchemaTransformer<ContractSchemaTransformer>()
            .AddOperationTransformer<OperationNamesAndParametersTransformer>()
            .AddOperationTransformer<ErrorResponsesTransformer>()
            .AddOperationTransformer<SeedExamplesTransformer>()
            .AddOperationTransformer<DialImportBodyTransformer>()
            .AddOperationTransformer<AniUsageCsvTransformer>());
        return services;
    }

}
