// Azure resources for the care leaver mentoring bot.
//
// One user-assigned managed identity is the bot's identity (Azure Bot, msaAppType UserAssignedMSI), the
// app's identity for Storage (tables and queues through RBAC; shared keys are switched off) and its identity
// for Microsoft Graph (application permissions granted by an admin: docs/deploy-to-your-tenant.md).
// No secrets: nothing here takes or emits a key, password or connection string other than Application Insights'
// connection string, which is an ingestion address, not a credential that reads data.

@description('Short name used to derive resource names; letters and digits, 3 to 12 characters.')
@minLength(3)
@maxLength(12)
param resourceBaseName string

@description('Azure region for the regional resources. The Azure Bot itself is global.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is the smallest with Always On, which proactive messages and timers need.')
param webAppSku string = 'B1'

@description('Instances answering Teams. Above 1 the delivery worker runs apart, as its own App Service on the same plan (ROLE=worker, one instance), and these answer and queue only (ROLE=web): docs/scaling.md.')
@minValue(1)
@maxValue(10)
param webInstances int = 1

@description('Azure Bot SKU: F0 (free, standard channels including Teams) or S1.')
@allowed(['F0', 'S1'])
param botServiceSku string = 'F0'

@description('Display name of the Azure Bot.')
param botDisplayName string = 'Care Leaver Mentoring'

@description('Teams app id (the manifest id), written to the app setting TEAMS_APP_ID.')
param teamsAppId string

@description('Comma-separated Entra object ids of the scheme coordinators.')
param coordinatorIds string = ''

@description('Comma-separated Entra object ids of the governance approvers.')
param governanceApproverIds string = ''

@description('Mailbox (UPN) that organises session meetings; the Graph calendar permission is limited to it.')
param organiserMailbox string = ''

@description('The workspace tab\'s Entra app (aadApp/create in teamsapp.yml): its Teams single sign-on tokens are accepted. Empty: local sign-in only, which the tab refuses to offer in Teams.')
param workspaceClientId string = ''

var tenantId = subscription().tenantId
var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var storageName = toLower(take('${resourceBaseName}${suffix}', 24))
var nodePort = '8080'
// One instance does both (ROLE=all) until the council scales out; then answering and delivering run apart.
var splitWorker = webInstances > 1

// Built-in role definitions (the ids are the same in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku, capacity: webInstances }
  properties: {
    reserved: true // Linux
    // Each app sets its own instance count: the web app on every instance, the worker on one.
    perSiteScaling: splitWorker
  }
}

// What both apps are told; each adds its ROLE.
var appSettings = [
  { name: 'PORT', value: nodePort }
  { name: 'WEBSITES_PORT', value: nodePort }
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
  { name: 'BOT_ID', value: identity.properties.clientId }
  { name: 'BOT_TENANT_ID', value: tenantId }
  { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
  // Only Teams activities from this tenant are acted on (docs/deploy-to-your-tenant.md).
  { name: 'TEAMS_TENANT_ID', value: tenantId }
  { name: 'STORAGE_TABLE_ENDPOINT', value: storage.properties.primaryEndpoints.table }
  { name: 'STORAGE_QUEUE_ENDPOINT', value: storage.properties.primaryEndpoints.queue }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'GRAPH_TENANT_ID', value: tenantId }
  // Graph calls run as the workspace app (it trusts the managed identity as a federated credential), so that Graph's
  // "Self" and the tab's single sign-on name the same app (docs/workspace.md); without one, as the managed identity.
  { name: 'GRAPH_CLIENT_ID', value: empty(workspaceClientId) ? identity.properties.clientId : workspaceClientId }
  { name: 'TEAMS_APP_ID', value: teamsAppId }
  { name: 'COORDINATOR_IDS', value: coordinatorIds }
  { name: 'GOVERNANCE_APPROVER_IDS', value: governanceApproverIds }
  { name: 'ORGANISER_MAILBOX', value: organiserMailbox }
  { name: 'WORKSPACE_CLIENT_ID', value: workspaceClientId }
  { name: 'WORKSPACE_APP_ID_URI', value: empty(workspaceClientId) ? '' : 'api://${resourceBaseName}-${take(suffix, 6)}.azurewebsites.net/${workspaceClientId}' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
]

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-${take(suffix, 6)}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/src/main.js'
      numberOfWorkers: webInstances
      healthCheckPath: '/health'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: concat(appSettings, [{ name: 'ROLE', value: splitWorker ? 'web' : 'all' }])
    }
  }
  dependsOn: [tableRole, queueRole, tableService, queueService]
}

// The delivery worker apart (ROLE=worker): effects, broadcasts and schedules, on one instance of the same plan, so it
// shares the plan's cost and the same build. It answers only /health; Teams is sent to the web app alone.
resource workerApp 'Microsoft.Web/sites@2023-12-01' = if (splitWorker) {
  name: '${resourceBaseName}-worker-${take(suffix, 6)}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/src/main.js'
      numberOfWorkers: 1
      healthCheckPath: '/health'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: concat(appSettings, [{ name: 'ROLE', value: 'worker' }])
    }
  }
  dependsOn: [tableRole, queueRole, tableService, queueService]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot-${take(suffix, 6)}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botServiceSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Outputs in UPPER_SNAKE: the Agents Toolkit writes them to teamsapp/env/.env.<env> after arm/deploy.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = tenantId
output TEAMS_TENANT_ID string = tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
// teamsapp.yml zip-deploys the same build here too: the worker once webInstances > 1; until then the web app itself
// (a step in teamsapp.yml cannot be skipped, and an empty resource id would fail the deploy): docs/scaling.md.
output WORKER_AZURE_APP_SERVICE_RESOURCE_ID string = splitWorker ? workerApp.id : webApp.id
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output STORAGE_ACCOUNT_NAME string = storage.name
